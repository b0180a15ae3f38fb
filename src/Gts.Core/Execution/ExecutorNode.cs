namespace Gts.Core.Execution;

/// <summary>One node of a pool: CPUs, memory, GPUs and their type (null when untyped).</summary>
public sealed record ExecutorNode(string Name, int Cpus, int MemoryMb, int Gpus, string? GpuType = null);
