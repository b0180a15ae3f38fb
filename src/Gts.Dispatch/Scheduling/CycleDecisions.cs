namespace Gts.Dispatch.Scheduling;

/// <summary>Everything one cycle decided, made on the snapshot of <see cref="Generation"/>; committed as one unit
/// (<see cref="Cluster.ClusterState.TryCommit"/>) or discarded when the state moved on.</summary>
public sealed record CycleDecisions(
    long Generation,
    IReadOnlyList<StepPlacement> Placements,
    IReadOnlyList<StepPreemption> Preemptions,
    IReadOnlyList<StepResize> Resizes,
    IReadOnlyList<StepRejection> Rejections);
