namespace Gts.Planner.Search;

/// <summary>The best configurations, fastest first, with how many were enumerated and how many fit in memory.</summary>
public sealed record SearchResult(IReadOnlyList<RankedPlan> Top, long Enumerated, long Fitting);
