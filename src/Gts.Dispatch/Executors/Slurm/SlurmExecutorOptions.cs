namespace Gts.Dispatch.Executors.Slurm;

/// <summary>How to reach a Slurm cluster: SLURM_CONF for every command, a shared directory for job scripts
/// and logs, the partition, and extra sbatch arguments.</summary>
public sealed record SlurmExecutorOptions(string WorkDir)
{
    public string Pool { get; init; } = "slurm";

    /// <summary>Passed as SLURM_CONF to every Slurm command; null uses the environment's.</summary>
    public string? SlurmConf { get; init; } = Environment.GetEnvironmentVariable("SLURM_CONF");
    public string? Partition { get; init; }
    public IReadOnlyList<string> ExtraSbatchArgs { get; init; } = [];

    /// <summary>Pin each task to the nodes gts placed it on (--nodelist); off lets Slurm choose.</summary>
    public bool PinNodes { get; init; }
}
