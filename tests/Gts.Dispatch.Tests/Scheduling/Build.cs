using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Tests.Scheduling;

/// <summary>Small builders for scheduling tests.</summary>
internal static class Build
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ClusterState Cluster(int switches, int nodesPerSwitch, int gpusPerNode) =>
        new(new ClusterLayout(ClusterTopology.Uniform(switches, nodesPerSwitch, gpusPerNode)));

    public static PendingStep Step(string id, int gpus, string queue = "default", string tenant = "t", double? hours = null, int submittedMinute = 0) =>
        new(id, queue, tenant, ResourceRequest.WholeGpus(gpus), T0.AddMinutes(submittedMinute))
        { Remaining = hours is { } h ? TimeSpan.FromHours(h) : null };

    public static QueueSnapshot Queues(IReadOnlyList<PendingStep> pending, IReadOnlyList<RunningStep>? running = null, params QueueSpec[] queues) =>
        new(T0.AddHours(1), queues.Length == 0 ? [new QueueSpec("default")] : queues, pending, running ?? []);

    /// <summary>Places <paramref name="step"/> alone and commits it, returning it as running.</summary>
    public static RunningStep Run(ClusterState state, PendingStep step, double? remainingHours = null)
    {
        var d = SchedulingCycle.Run(state.Snapshot(), Queues([step]), new SchedulingPolicy());
        var placement = Assert.Single(d.Placements);
        Assert.True(state.TryCommit(d));
        return new RunningStep(step.Id, step.Queue, step.Tenant, step.Request, placement.Allocation, step.SubmittedAt)
        { Remaining = remainingHours is { } h ? TimeSpan.FromHours(h) : null };
    }
}
