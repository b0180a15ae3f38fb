using Gts.Core.Execution;

namespace Gts.Factory.Benchmarks;

/// <summary>One step of an in-process pipeline run: what it reported and how long it took.</summary>
public sealed record PipelineStepRun(string StepId, StepOutcome Outcome, double Seconds);
