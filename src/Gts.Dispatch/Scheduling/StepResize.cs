using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling;

/// <summary>Decision: move running elastic step <paramref name="StepId"/> to <paramref name="Allocation"/> (grow or shrink;
/// executors restart it from its checkpoint on the new GPUs).</summary>
public sealed record StepResize(string StepId, Allocation Allocation);
