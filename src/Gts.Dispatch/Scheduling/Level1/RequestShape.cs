using Gts.Core.Compute;

namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>The parts of a request that decide where it fits; equal shapes fit or fail alike on one board.</summary>
public readonly record struct RequestShape(int Gpus, int Milli, int Cpu, long Memory, long MinGpuMemory, int Tp, int Pp, bool OneSwitch, int Nodes, string Types)
{
    public static RequestShape Of(ResourceRequest r, int gpus)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(gpus, r.GpuMilli, r.CpuMilli, r.MemoryMib, r.MinGpuMemoryMib, r.Gang.TensorParallel, r.Gang.PipelineStages,
            r.Gang.StagesUnderOneSwitch, r.Gang.Nodes ?? 0, r.GpuTypes.Count == 0 ? "" : string.Join('|', r.GpuTypes));
    }
}
