namespace Gts.Dispatch.Scheduling;

/// <summary>Decision: stop step <paramref name="StepId"/>, free its resources and requeue it, for <paramref name="ForStepId"/>.</summary>
public sealed record StepPreemption(string StepId, string ForStepId);
