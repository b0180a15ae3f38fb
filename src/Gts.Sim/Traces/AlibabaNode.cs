namespace Gts.Sim.Traces;

/// <summary>One node of the Alibaba 2023 GPU trace: CPU milli-cores, memory MiB, GPU count and model.</summary>
public sealed record AlibabaNode(string Name, int CpuMilli, long MemoryMib, int Gpus, string Model);
