using Gts.Core.Compute;
using Gts.Core.Errors;

namespace Gts.Planner.Hardware;

/// <summary>Reads the planner's cluster model from the dispatcher's topology (Core's <see cref="ClusterTopology"/>):
/// GPU type and count per node, nodes per switch; link speeds come from the node-type preset of that GPU unless given.</summary>
public static class TopologyCluster
{
    /// <summary>The cluster of one pool (the first when <paramref name="pool"/> is null); its nodes must be alike.</summary>
    public static ClusterSpec From(ClusterTopology topology, string? pool = null, LinkSpec? intraNode = null, LinkSpec? interNode = null)
    {
        var p = pool is null ? topology.Pools.FirstOrDefault() : topology.Pools.FirstOrDefault(x => x.Name == pool);
        if (p is null)
            throw new GtsException(ErrorKind.NotFound, pool is null ? "the topology has no pool" : $"pool '{pool}' is not in the topology",
                "name a pool of the topology", new SourceLocation("topology", 0, "pool"));
        var nodes = p.Nodes.ToList();
        var gpus = nodes.SelectMany(n => n.Gpus).ToList();
        if (gpus.Count == 0)
            throw new GtsException(ErrorKind.Infeasible, $"pool '{p.Name}' has no GPUs", "plan on a pool with GPU nodes", new SourceLocation("topology", 0, "gpus"));
        var types = gpus.Select(g => g.Type).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var perNode = nodes.Select(n => n.Gpus.Count).Distinct().ToList();
        if (types.Count != 1 || perNode.Count != 1)
            throw new GtsException(ErrorKind.InvalidInput,
                $"pool '{p.Name}' mixes GPU types ({string.Join(", ", types)}) or GPU counts per node ({string.Join(", ", perNode)})",
                "plan on a pool of identical nodes (or split the pool)", new SourceLocation("topology", 0, "nodes"));
        var gpu = Resolve(types[0], gpus[0].MemoryMib);
        var preset = ClusterPresets.All.FirstOrDefault(c => c.Gpu.Name == gpu.Name)
                     ?? ClusterPresets.All.First(c => c.Gpu.Family == gpu.Family);
        return new ClusterSpec(p.Name, gpu, nodes.Count, perNode[0], p.Switches.Min(s => s.Nodes.Count),
            intraNode ?? preset.IntraNode, interNode ?? preset.InterNode, preset.HostLinkBytesPerSecond);
    }

    /// <summary>A catalog GPU by exact name, else by family (e.g. "V100") with the memory size closest to the device's.</summary>
    private static GpuSpec Resolve(string type, long memoryMib)
    {
        var exact = GpuCatalog.All.FirstOrDefault(g => string.Equals(g.Name, type, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var family = GpuCatalog.All.Where(g => type.StartsWith(g.Family, StringComparison.OrdinalIgnoreCase)).ToList();
        if (family.Count == 0) return GpuCatalog.Get(type, "topology", "gpu type");
        double bytes = memoryMib * 1024.0 * 1024.0;
        return family.OrderBy(g => Math.Abs(g.MemoryBytes - bytes)).First();
    }
}
