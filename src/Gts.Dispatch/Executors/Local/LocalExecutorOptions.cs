namespace Gts.Dispatch.Executors.Local;

/// <summary>Where the local executor keeps its task directories, and the machine's capacity it offers: one
/// node by default, or Nodes equal virtual nodes (each with Cpus, MemoryMib and Gpus) to mirror a cluster's shape.</summary>
public sealed record LocalExecutorOptions(string Root)
{
    public string Pool { get; init; } = "local";
    public int Nodes { get; init; } = 1;
    public int Cpus { get; init; } = Environment.ProcessorCount;
    public long MemoryMib { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
    public int Gpus { get; init; }
    public string GpuType { get; init; } = "gpu";
    public long GpuMemoryMib { get; init; } = 16 * 1024;

    /// <summary>How long a cancelled task gets after SIGTERM before its process group is killed.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(3);
}
