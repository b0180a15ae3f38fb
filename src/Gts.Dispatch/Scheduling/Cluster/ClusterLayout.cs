using Gts.Core.Compute;

namespace Gts.Dispatch.Scheduling.Cluster;

/// <summary>The fixed shape of a <see cref="ClusterTopology"/> flattened into index arrays (pools, switches,
/// nodes, GPUs), built once and shared by every snapshot; hot scheduling loops work on these indices.
/// A node's GPUs share one model (the type of its first GPU), as in every trace and cluster we know.</summary>
public sealed class ClusterLayout
{
    private readonly Dictionary<(string Pool, string Node), int> _nodeIndex = [];
    private readonly string[] _nodeNames;

    public ClusterLayout(ClusterTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        topology.Validate();
        Topology = topology;
        var types = new List<string>();
        var nodes = new List<(int Pool, int Switch, ComputeNode Node)>();
        var switchPool = new List<int>();
        var switchNodes = new List<int[]>();
        for (int p = 0; p < topology.Pools.Count; p++)
        {
            foreach (var sw in topology.Pools[p].Switches)
            {
                int s = switchPool.Count;
                switchPool.Add(p);
                var members = new int[sw.Nodes.Count];
                for (int k = 0; k < sw.Nodes.Count; k++)
                {
                    members[k] = nodes.Count;
                    _nodeIndex[(topology.Pools[p].Name, sw.Nodes[k].Name)] = nodes.Count;
                    nodes.Add((p, s, sw.Nodes[k]));
                }
                switchNodes.Add(members);
            }
        }
        NodeCount = nodes.Count;
        _nodeNames = nodes.Select(n => n.Node.Name).ToArray();
        NodePool = new int[NodeCount];
        NodeSwitch = new int[NodeCount];
        NodeCpu = new int[NodeCount];
        NodeMemory = new long[NodeCount];
        NodeGpuStart = new int[NodeCount];
        NodeGpuCount = new int[NodeCount];
        NodeGpuType = new int[NodeCount];
        NodeGpuMemory = new long[NodeCount];
        int gpu = 0;
        for (int n = 0; n < NodeCount; n++)
        {
            var (p, s, node) = nodes[n];
            NodePool[n] = p;
            NodeSwitch[n] = s;
            NodeCpu[n] = node.CpuMilli;
            NodeMemory[n] = node.MemoryMib;
            NodeGpuStart[n] = gpu;
            NodeGpuCount[n] = node.Gpus.Count;
            MaxGpusPerNode = Math.Max(MaxGpusPerNode, node.Gpus.Count);
            if (node.Gpus.Count > 0)
            {
                int t = types.IndexOf(node.Gpus[0].Type);
                if (t < 0) { t = types.Count; types.Add(node.Gpus[0].Type); }
                NodeGpuType[n] = t;
                NodeGpuMemory[n] = node.Gpus.Min(g => g.MemoryMib);
            }
            else NodeGpuType[n] = -1;
            gpu += node.Gpus.Count;
        }
        GpuCount = gpu;
        GpuGroup = new int[GpuCount];
        for (int n = 0; n < NodeCount; n++)
            for (int i = 0; i < NodeGpuCount[n]; i++) GpuGroup[NodeGpuStart[n] + i] = nodes[n].Node.Gpus[i].InterconnectGroup;
        GpuTypes = types;
        SwitchPool = [.. switchPool];
        PoolFirstNode = new int[topology.Pools.Count];
        PoolNodeCount = new int[topology.Pools.Count];
        PoolSwitches = new int[topology.Pools.Count][];
        for (int p = 0; p < topology.Pools.Count; p++)
        {
            PoolFirstNode[p] = Array.IndexOf(NodePool, p) is var f and >= 0 ? f : 0;
            PoolNodeCount[p] = NodePool.Count(x => x == p);
            PoolSwitches[p] = Enumerable.Range(0, SwitchPool.Length).Where(s => SwitchPool[s] == p).ToArray();
        }
        SwitchNodes = [.. switchNodes];
        Pools = topology.Pools;
    }

    public ClusterTopology Topology { get; }
    public IReadOnlyList<ComputePool> Pools { get; }
    public IReadOnlyList<string> GpuTypes { get; }
    public int NodeCount { get; }
    public int GpuCount { get; }
    public int MaxGpusPerNode { get; }
    public int[] NodePool { get; }
    public int[] NodeSwitch { get; }
    public int[] NodeCpu { get; }
    public long[] NodeMemory { get; }
    public int[] NodeGpuStart { get; }
    public int[] NodeGpuCount { get; }
    /// <summary>Index into <see cref="GpuTypes"/>, or -1 for a node without GPUs.</summary>
    public int[] NodeGpuType { get; }
    public long[] NodeGpuMemory { get; }
    /// <summary>Interconnect group of each GPU, by global GPU index.</summary>
    public int[] GpuGroup { get; }
    public int[] SwitchPool { get; }
    public int[][] SwitchNodes { get; }
    /// <summary>Nodes of a pool are contiguous: first index and count per pool.</summary>
    public int[] PoolFirstNode { get; }
    public int[] PoolNodeCount { get; }
    public int[][] PoolSwitches { get; }

    /// <summary>Name of node <paramref name="node"/>.</summary>
    public string NodeName(int node) => _nodeNames[node];

    /// <summary>Index of a node by pool and node name; throws <see cref="KeyNotFoundException"/> for an unknown one.</summary>
    public int NodeIndex(string pool, string node) => _nodeIndex[(pool, node)];

    /// <summary>The executor-facing form of an allocation: pool and node names, GPU indices as CUDA sees them.</summary>
    public Placement ToPlacement(Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        string pool = Pools[allocation.Pool].Name;
        var nodes = new NodeAllocation[allocation.Shares.Count];
        for (int i = 0; i < nodes.Length; i++)
        {
            var s = allocation.Shares[i];
            nodes[i] = new NodeAllocation(pool, NodeName(s.Node), s.CpuMilli, s.MemoryMib, s.Gpus, s.GpuMilli);
        }
        return new Placement(pool, nodes);
    }

    /// <summary>The index form of an executor-facing placement (e.g. one reloaded from the metadata store).</summary>
    public Allocation FromPlacement(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        int pool = -1;
        for (int p = 0; p < Pools.Count; p++) if (Pools[p].Name == placement.Pool) pool = p;
        if (pool < 0) throw new KeyNotFoundException($"pool '{placement.Pool}' is not in the topology");
        var shares = placement.Nodes.Select(n => new NodeShare(NodeIndex(n.Pool, n.Node), n.CpuMilli, n.MemoryMib, [.. n.GpuIndices], n.GpuMilli)).ToArray();
        return new Allocation(pool, shares);
    }
}
