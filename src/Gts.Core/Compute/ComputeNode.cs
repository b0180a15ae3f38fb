namespace Gts.Core.Compute;

/// <summary>One machine: CPUs in milli-cores, host memory in MiB and its GPUs (possibly none).</summary>
public sealed record ComputeNode(string Name, int CpuMilli, long MemoryMib, IReadOnlyList<GpuDevice> Gpus)
{
    /// <summary>A node of <paramref name="gpuCount"/> identical GPUs in interconnect groups of <paramref name="groupSize"/>.</summary>
    public static ComputeNode Uniform(string name, int gpuCount, string gpuType, long gpuMemoryMib,
        int cpuMilli = 64_000, long memoryMib = 512 * 1024, int groupSize = 0)
    {
        int group = groupSize <= 0 ? Math.Max(1, gpuCount) : groupSize;
        var gpus = new GpuDevice[gpuCount];
        for (int i = 0; i < gpuCount; i++) gpus[i] = new GpuDevice(i, gpuType, gpuMemoryMib, i / group);
        return new ComputeNode(name, cpuMilli, memoryMib, gpus);
    }
}
