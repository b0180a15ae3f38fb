namespace Gts.Dispatch.Scheduling.Cluster;

/// <summary>What an allocation takes on one node, by index: CPU, memory, GPU indices local to the node and the
/// share of each of those GPUs in milli-GPUs.</summary>
public sealed record NodeShare(int Node, int CpuMilli, long MemoryMib, int[] Gpus, int GpuMilli);
