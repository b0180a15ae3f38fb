namespace Gts.Planner.Hardware;

/// <summary>Performance of one accelerator: dense 16-bit tensor peak, memory size and HBM bandwidth.
/// <see cref="Family"/> groups memory variants of one chip (A100-40GB and A100-80GB share their efficiency).</summary>
public sealed record GpuSpec(string Name, string Family, double PeakFlops, double MemoryBytes, double HbmBytesPerSecond);
