namespace Gts.Planner.Hardware;

/// <summary>A homogeneous GPU cluster as the planner models it: nodes of <see cref="GpusPerNode"/> GPUs joined
/// by <see cref="IntraNode"/> links (NVLink/NVSwitch), nodes joined by <see cref="InterNode"/> links (one NIC
/// share per GPU), <see cref="NodesPerSwitch"/> nodes under one leaf switch.</summary>
public sealed record ClusterSpec(string Name, GpuSpec Gpu, int Nodes, int GpusPerNode, int NodesPerSwitch,
    LinkSpec IntraNode, LinkSpec InterNode, double HostLinkBytesPerSecond = 25e9)
{
    /// <summary>All GPUs of the cluster.</summary>
    public int TotalGpus => Nodes * GpusPerNode;

    /// <summary>The same cluster with another node count.</summary>
    public ClusterSpec WithNodes(int nodes) => this with { Nodes = nodes };
}
