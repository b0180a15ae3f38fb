using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Sim;

/// <summary>Options of `gts sim`: which experiments, where the traces are, where results go.</summary>
internal sealed class SimSettings : CommandSettings
{
    [CommandOption("--experiment <LIST>")]
    [Description("Comma-separated: pollux, philly, alibaba, cycle, or all (default all).")]
    public string Experiment { get; init; } = "all";

    [CommandOption("--pollux <DIR>")]
    [Description("Folder of Pollux workload files (default ../shared/data/traces/philly-pollux/workloads).")]
    public string Pollux { get; init; } = "../shared/data/traces/philly-pollux/workloads";

    [CommandOption("--pollux-models <DIR>")]
    [Description("Folder of Pollux model profiles (default ../shared/data/traces/pollux-models).")]
    public string PolluxModels { get; init; } = "../shared/data/traces/pollux-models";

    [CommandOption("--philly <FILE>")]
    [Description("Philly job table (default ../shared/data/traces/philly/jobs.csv.gz).")]
    public string Philly { get; init; } = "../shared/data/traces/philly/jobs.csv.gz";

    [CommandOption("--philly-gpus <N>")]
    [Description("GPUs of the simulated Philly cluster, in 8-GPU nodes under 16-node switches (default 1024).")]
    public int PhillyGpus { get; init; } = 1024;

    [CommandOption("--philly-policies <LIST>")]
    [Description("Policies for the Philly replay: ours, fifo, sjf, sjf-est, las, or all (default all).")]
    public string PhillyPolicies { get; init; } = "all";

    [CommandOption("--alibaba <DIR>")]
    [Description("Alibaba 2023 trace folder (default ../shared/data/traces/alibaba-2023).")]
    public string Alibaba { get; init; } = "../shared/data/traces/alibaba-2023";

    [CommandOption("--alibaba-workloads <LIST>")]
    [Description("Pod lists to place (default openb_pod_list_default,openb_pod_list_gpushare100,openb_pod_list_multigpu50,openb_pod_list_gpuspec33).")]
    public string AlibabaWorkloads { get; init; } = "openb_pod_list_default,openb_pod_list_gpushare100,openb_pod_list_multigpu50,openb_pod_list_gpuspec33";

    [CommandOption("--cycle-gpus <N>")]
    [Description("GPUs of the cycle benchmark's cluster (default 10000).")]
    public int CycleGpus { get; init; } = 10_000;

    [CommandOption("--cycle-pending <N>")]
    [Description("Pending steps in the cycle benchmark (default 1000).")]
    public int CyclePending { get; init; } = 1000;

    [CommandOption("--cycle-repeats <N>")]
    [Description("Timed cycles in the cycle benchmark (default 200).")]
    public int CycleRepeats { get; init; } = 200;

    [CommandOption("--seed <N>")]
    [Description("Seed of the cycle benchmark's random cluster and queue (default 1).")]
    public int Seed { get; init; } = 1;

    [CommandOption("--benchmarks <FILE>")]
    [Description("Markdown file whose `### Simulator` part (inside the dispatch markers) is rewritten (default docs/BENCHMARKS.md); empty to skip.")]
    public string Benchmarks { get; init; } = "docs/BENCHMARKS.md";

    [CommandOption("--plots <DIR>")]
    [Description("Folder for the PNG plots (default docs/img).")]
    public string Plots { get; init; } = "docs/img";
}
