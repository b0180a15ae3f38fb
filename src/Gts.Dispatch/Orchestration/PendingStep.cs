using Gts.Core.Compute;
using Gts.Core.Runs;

namespace Gts.Dispatch.Orchestration;

/// <summary>A ready or running step as the placement policy sees it. Resources are per node (StepResources);
/// Request is the same need in the scheduler's terms (totals over the gang). Remaining is the time limit
/// left, when the step has one (backfill plans with it). Placement is set for running steps.</summary>
public sealed record PendingStep(string Key, StepResources Resources, string? Pool, string Tenant, string Queue, int Priority, DateTimeOffset Since)
{
    public TimeSpan? Remaining { get; init; }
    public Placement? Placement { get; init; }

    public ResourceRequest Request => new()
    {
        Gpus = Resources.Gpus * Resources.Nodes,
        CpuMilli = Resources.Cpus * 1000 * Resources.Nodes,
        MemoryMib = (long)Resources.MemoryMb * Resources.Nodes,
        Gang = Resources.Nodes > 1 ? new GangShape(Nodes: Resources.Nodes) : GangShape.Any,
    };
}
