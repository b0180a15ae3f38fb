using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling;

/// <summary>Decision: start step <paramref name="StepId"/> on <paramref name="Allocation"/>.</summary>
public sealed record StepPlacement(string StepId, Allocation Allocation);
