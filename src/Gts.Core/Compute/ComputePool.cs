namespace Gts.Core.Compute;

/// <summary>One cluster or cloud account: its kind, the price of one GPU-hour, its priority (lower is tried
/// first) and its switches with their nodes.</summary>
public sealed record ComputePool(string Name, PoolKind Kind, double CostPerGpuHour, int Priority, IReadOnlyList<NetworkSwitch> Switches)
{
    /// <summary>Every node of the pool, switch by switch.</summary>
    public IEnumerable<ComputeNode> Nodes => Switches.SelectMany(s => s.Nodes);

    /// <summary>Number of GPUs in the pool.</summary>
    public int GpuCount => Switches.Sum(s => s.Nodes.Sum(n => n.Gpus.Count));
}
