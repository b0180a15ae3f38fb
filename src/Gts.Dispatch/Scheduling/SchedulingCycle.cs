using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Scheduling;

/// <summary>One scheduling cycle, a pure function: cluster snapshot + queue snapshot + policy → decisions.
/// Stages: arrange (Level 2 order and fair share) → elastic sizing → admission (filter, score, reserve per step
/// in Level 1; preemption; backfill). Nothing outside the returned <see cref="CycleDecisions"/> changes.</summary>
public static class SchedulingCycle
{
    public static CycleDecisions Run(ClusterSnapshot cluster, QueueSnapshot queues, SchedulingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(policy);
        var ctx = new CycleContext(cluster, queues, policy);
        var ordered = FairShareOrdering.Arrange(queues, policy.Order, policy.FairShare, cluster.Layout);
        if (policy.Elastic) ElasticPlanner.Run(ctx, ordered);
        AdmissionPass.Run(ctx, ordered);
        return ctx.ToDecisions();
    }
}
