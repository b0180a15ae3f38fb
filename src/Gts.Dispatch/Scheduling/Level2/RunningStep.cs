using Gts.Core.Compute;
using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>A step holding resources, as the policy sees it.</summary>
public sealed record RunningStep(string Id, string Queue, string Tenant, ResourceRequest Request, Allocation Allocation, DateTimeOffset SubmittedAt)
{
    public int Priority { get; init; }

    /// <summary>Expected run time left at its current allocation; null when unknown.</summary>
    public TimeSpan? Remaining { get; init; }

    public double AttainedGpuSeconds { get; init; }

    /// <summary>False for steps that must never be stopped (e.g. not checkpointable).</summary>
    public bool Preemptible { get; init; } = true;

    /// <summary>Relative throughput at 1, 2, … GPUs (index g-1) for elastic steps.</summary>
    public IReadOnlyList<double>? Throughput { get; init; }
}
