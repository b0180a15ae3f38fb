using Gts.Planner.Search;

namespace Gts.Planner.Validation;

/// <summary>For one published run: the planner's own best configuration on the same GPUs and batch, the
/// published configuration as the planner predicts it, whether they share DP/TP/PP/micro-batch, and why the
/// planner prefers its choice.</summary>
public sealed record TopConfigComparison(ReconstructedRun Run, RankedPlan Published, RankedPlan Top, bool SameLayout, string Explanation,
    long Enumerated, long Fitting);
