using Gts.Core.Errors;

namespace Gts.Core.Compute;

/// <summary>All compute gts may use: pools → switches → nodes → devices. Names are unique per level.</summary>
public sealed record ClusterTopology(IReadOnlyList<ComputePool> Pools)
{
    /// <summary>Number of GPUs over all pools.</summary>
    public int GpuCount => Pools.Sum(p => p.GpuCount);

    /// <summary>Number of nodes over all pools.</summary>
    public int NodeCount => Pools.Sum(p => p.Switches.Sum(s => s.Nodes.Count));

    /// <summary>One pool of <paramref name="switches"/> × <paramref name="nodesPerSwitch"/> identical GPU nodes,
    /// the shape of most test clusters and of the simulator's clusters.</summary>
    public static ClusterTopology Uniform(int switches, int nodesPerSwitch, int gpusPerNode, string gpuType = "V100",
        long gpuMemoryMib = 32 * 1024, string poolName = "main", PoolKind kind = PoolKind.Slurm, double costPerGpuHour = 0)
    {
        var sw = new NetworkSwitch[switches];
        for (int s = 0; s < switches; s++)
        {
            var nodes = new ComputeNode[nodesPerSwitch];
            for (int n = 0; n < nodesPerSwitch; n++)
                nodes[n] = ComputeNode.Uniform($"{poolName}-s{s}-n{n}", gpusPerNode, gpuType, gpuMemoryMib);
            sw[s] = new NetworkSwitch($"{poolName}-s{s}", nodes);
        }
        return new ClusterTopology([new ComputePool(poolName, kind, costPerGpuHour, 0, sw)]);
    }

    /// <summary>Throws a <see cref="GtsException"/> naming the first duplicate pool/switch/node name or impossible size.</summary>
    public void Validate(string source = "topology")
    {
        var pools = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pool in Pools)
        {
            if (!pools.Add(pool.Name))
                throw Invalid(source, "pool", $"pool name '{pool.Name}' is used twice", "give every pool its own name");
            if (pool.CostPerGpuHour < 0)
                throw Invalid(source, "cost", $"pool '{pool.Name}' has a negative cost {pool.CostPerGpuHour}", "use a cost ≥ 0 per GPU-hour");
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sw in pool.Switches)
            {
                if (!names.Add(sw.Name))
                    throw Invalid(source, "switch", $"switch name '{sw.Name}' is used twice in pool '{pool.Name}'", "give every switch its own name");
                foreach (var node in sw.Nodes)
                {
                    if (!names.Add(node.Name))
                        throw Invalid(source, "node", $"node name '{node.Name}' is used twice in pool '{pool.Name}'", "give every node its own name");
                    if (node.Gpus.Count > 64)
                        throw Invalid(source, "gpus", $"node '{node.Name}' has {node.Gpus.Count} GPUs; at most 64 per node are supported", "split the machine into several nodes");
                    if (node.CpuMilli < 0 || node.MemoryMib < 0 || node.Gpus.Any(g => g.MemoryMib <= 0))
                        throw Invalid(source, "node", $"node '{node.Name}' has a negative CPU/memory size or a GPU without memory", "give sizes ≥ 0 and GPU memory > 0 MiB");
                }
            }
        }
    }

    private static GtsException Invalid(string source, string field, string message, string fix) =>
        new(ErrorKind.InvalidInput, message, fix, new SourceLocation(source, 0, field));
}
