namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>One kind of request in the expected workload: GPUs, milli-GPUs per GPU, CPU, and its share of arrivals.</summary>
public readonly record struct TaskClass(int Gpus, int Milli, int CpuMilli, double Weight);
