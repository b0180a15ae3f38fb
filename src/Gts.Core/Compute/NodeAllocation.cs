namespace Gts.Core.Compute;

/// <summary>What a placement takes on one node: CPU, host memory, GPU indices and the share of each GPU
/// (1000 milli = the whole GPU).</summary>
public sealed record NodeAllocation(string Pool, string Node, int CpuMilli, long MemoryMib, IReadOnlyList<int> GpuIndices, int GpuMilli = 1000)
{
    /// <summary>The value of CUDA_VISIBLE_DEVICES for a process on this node.</summary>
    public string CudaVisibleDevices => string.Join(',', GpuIndices);
}
