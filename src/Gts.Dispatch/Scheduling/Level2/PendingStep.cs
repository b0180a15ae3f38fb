using Gts.Core.Compute;

namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>A step waiting for resources, as the policy sees it.</summary>
public sealed record PendingStep(string Id, string Queue, string Tenant, ResourceRequest Request, DateTimeOffset SubmittedAt)
{
    /// <summary>Order inside a queue; higher first.</summary>
    public int Priority { get; init; }

    /// <summary>Expected run time left at the requested GPU count (estimated or known); null when unknown.</summary>
    public TimeSpan? Remaining { get; init; }

    /// <summary>GPU-seconds already received (before a preemption), for least-attained-service ordering.</summary>
    public double AttainedGpuSeconds { get; init; }

    /// <summary>Steps with the same key are admitted together or not at all (batch admission).</summary>
    public string? BatchKey { get; init; }

    /// <summary>Relative throughput at 1, 2, … GPUs (index g-1) for elastic steps; null for linear speed-up.</summary>
    public IReadOnlyList<double>? Throughput { get; init; }
}
