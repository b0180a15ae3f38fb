using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Plan;

/// <summary>Options of `gts plan validate`.</summary>
internal sealed class PlanValidateSettings : CommandSettings
{
    [CommandArgument(0, "[RUNS_CSV]")]
    [Description("Published runs (default ../shared/data/training-runs/runs.csv, relative to the repository root).")]
    public string Runs { get; init; } = PlanCalibration.DefaultRunsPath;

    [CommandOption("--benchmarks <MD>")]
    [Description("Benchmark page whose planner section is rewritten (default docs/BENCHMARKS.md).")]
    public string Benchmarks { get; init; } = "docs/BENCHMARKS.md";

    [CommandOption("--plot <PNG>")]
    [Description("Where the pipeline-schedule timeline is drawn (default docs/planner-schedules.png).")]
    public string Plot { get; init; } = "docs/planner-schedules.png";

    [CommandOption("--repeats <N>")]
    [Description("Repetitions of the 1T-parameter search timing (default 5).")]
    [DefaultValue(5)]
    public int Repeats { get; init; } = 5;
}
