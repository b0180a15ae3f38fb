using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Orchestration;

/// <summary>The dispatcher's placement through the Level 1/2 scheduling cycle (<see cref="SchedulingCycle"/>):
/// the stored placements of running steps rebuild the cluster state, the ready steps become the queue, and the
/// cycle's placements and rejections become decisions. A step pinned to a pool only takes a placement there.</summary>
public sealed class ScheduledPlacement(SchedulingPolicy policy) : IPlacementPolicy
{
    private IReadOnlyList<ComputePool>? _pools;
    private ClusterLayout? _layout;

    public static ScheduledPlacement Default { get; } = new(new SchedulingPolicy { Name = "fifo-backfill" });

    public IReadOnlyList<PlacementDecision> Place(PlacementSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!ReferenceEquals(_pools, snapshot.Pools))
        {
            _layout = new ClusterLayout(new ClusterTopology(snapshot.Pools));
            _pools = snapshot.Pools;
        }
        var layout = _layout!;
        var state = new ClusterState(layout);
        var running = new List<RunningStep>();
        foreach (var r in snapshot.Running)
        {
            if (r.Placement is null) continue;
            Allocation allocation;
            try
            {
                allocation = layout.FromPlacement(r.Placement);
                state.Add(r.Key, allocation);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                continue; // a placement on a node the pool no longer reports holds nothing we can schedule around
            }
            running.Add(new RunningStep(r.Key, r.Queue, r.Tenant, r.Request, allocation, r.Since) { Priority = r.Priority, Remaining = r.Remaining, Preemptible = false });
        }
        var pending = snapshot.Pending.Select(p => new Scheduling.Level2.PendingStep(p.Key, p.Queue, p.Tenant, p.Request, p.Since)
        {
            Priority = p.Priority, Remaining = p.Remaining,
        }).ToList();
        var queues = snapshot.Pending.Concat(snapshot.Running).Select(p => p.Queue).Distinct(StringComparer.Ordinal).Select(q => new QueueSpec(q)).ToList();
        var decisions = SchedulingCycle.Run(state.Snapshot(), new QueueSnapshot(snapshot.Now, queues, pending, running), policy);

        var byKey = snapshot.Pending.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var result = new List<PlacementDecision>();
        foreach (var p in decisions.Placements)
        {
            var placement = layout.ToPlacement(p.Allocation);
            result.Add(byKey[p.StepId].Pool is { } pool && pool != placement.Pool
                ? new PlacementDecision(p.StepId, null, Reason: $"placed on {placement.Pool}, but the step is pinned to {pool}")
                : new PlacementDecision(p.StepId, placement));
        }
        foreach (var r in decisions.Rejections)
            result.Add(new PlacementDecision(r.StepId, null, r.Status == ScheduleStatus.NeverSchedulable, r.Reason));
        return result;
    }
}
