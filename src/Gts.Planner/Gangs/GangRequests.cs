using Gts.Core.Compute;
using Gts.Planner.Hardware;
using Gts.Planner.Search;

namespace Gts.Planner.Gangs;

/// <summary>Turns a chosen plan into the dispatcher's all-or-nothing request (Core's <see cref="ResourceRequest"/>):
/// DP × TP × PP GPUs of the plan's type with at least its peak memory; each tensor-parallel group on one node;
/// each pipeline replica (PP consecutive TP groups) under one leaf switch when it fits under one; whole nodes when
/// the plan fills them, as the time model assumed.</summary>
public static class GangRequests
{
    /// <summary>The request for <paramref name="plan"/> on a cluster like <paramref name="cluster"/>.</summary>
    public static ResourceRequest From(RankedPlan plan, ClusterSpec cluster)
    {
        var c = plan.Config;
        int gpus = c.Gpus;
        int replicaGpus = c.Tp * c.Pp;
        bool replicaFitsUnderSwitch = replicaGpus <= (long)cluster.NodesPerSwitch * cluster.GpusPerNode;
        int? nodes = gpus >= cluster.GpusPerNode && gpus % cluster.GpusPerNode == 0 ? gpus / cluster.GpusPerNode : null;
        var request = new ResourceRequest
        {
            Gpus = gpus,
            MinGpuMemoryMib = (long)Math.Ceiling(plan.Memory.Total / (1024.0 * 1024.0)),
            GpuTypes = [cluster.Gpu.Name],
            Gang = new GangShape(c.Tp, c.Pp, StagesUnderOneSwitch: c.Pp > 1 && replicaFitsUnderSwitch, Nodes: nodes),
        };
        request.Validate("plan");
        return request;
    }
}
