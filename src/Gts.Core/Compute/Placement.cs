namespace Gts.Core.Compute;

/// <summary>Where one step runs: its allocations node by node, all in one pool. Executors launch from this.</summary>
public sealed record Placement(string Pool, IReadOnlyList<NodeAllocation> Nodes)
{
    /// <summary>Whole-GPU equivalents held (a 500-milli share counts 0.5).</summary>
    public double GpuEquivalents => Nodes.Sum(n => n.GpuIndices.Count * n.GpuMilli / 1000.0);

    /// <summary>Number of GPU devices touched.</summary>
    public int GpuCount => Nodes.Sum(n => n.GpuIndices.Count);
}
