namespace Gts.Sim.Traces;

/// <summary>One pod of the Alibaba 2023 trace: CPU, memory, GPUs, milli-GPU per GPU (below 1000 only when
/// sharing one GPU) and the GPU models it may use (empty for any).</summary>
public sealed record AlibabaPod(string Name, int CpuMilli, long MemoryMib, int Gpus, int GpuMilli, IReadOnlyList<string> GpuSpec);
