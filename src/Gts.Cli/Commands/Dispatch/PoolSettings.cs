using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>Which pools the dispatcher drives: always this machine (local), and a Slurm cluster when
/// --slurm-conf (or SLURM_CONF) names one.</summary>
internal class PoolSettings : StoreSettings
{
    [CommandOption("--local-cpus <N>")]
    [Description("CPUs the local pool offers (default: all cores).")]
    public int? LocalCpus { get; init; }

    [CommandOption("--local-gpus <N>")]
    [Description("GPUs the local pool offers, handed out as CUDA_VISIBLE_DEVICES (default 0).")]
    public int LocalGpus { get; init; }

    [CommandOption("--local-nodes <N>")]
    [Description("Split the local pool into N equal virtual nodes (for benchmarks that mirror a cluster; default 1).")]
    public int LocalNodes { get; init; } = 1;

    [CommandOption("--slurm-conf <PATH>")]
    [Description("slurm.conf of a Slurm cluster to use as pool 'slurm' (default: SLURM_CONF when set).")]
    public string? SlurmConf { get; init; }

    [CommandOption("--slurm-partition <NAME>")]
    [Description("Slurm partition to submit to (default: the cluster's default).")]
    public string? SlurmPartition { get; init; }

    [CommandOption("--no-slurm")]
    [Description("Do not use a Slurm pool even when SLURM_CONF is set.")]
    public bool NoSlurm { get; init; }
}
