using Gts.Core.Compute;

namespace Gts.Dispatch.Orchestration;

/// <summary>The immutable input of one placement cycle: the pools, the steps that hold resources (with their
/// placements), and the ready steps in the order the dispatcher would serve them.</summary>
public sealed record PlacementSnapshot(IReadOnlyList<ComputePool> Pools, IReadOnlyList<PendingStep> Running, IReadOnlyList<PendingStep> Pending, DateTimeOffset Now);
