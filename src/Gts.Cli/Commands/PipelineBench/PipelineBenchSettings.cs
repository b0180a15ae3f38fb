using System.ComponentModel;
using Gts.Core;
using Gts.Factory.Benchmarks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.PipelineBench;

/// <summary>Options of `gts bench pipeline`.</summary>
internal sealed class PipelineBenchSettings : CommandSettings
{
    [CommandOption("--profile <NAME>")]
    [Description("quick (sst2, cr, agnews, sms_spam; K = 8; seeds 0-2; ablations on sst2; ~25 min) or full (the English list + 5 FewCLUE tasks, seeds 0-4).")]
    [DefaultValue("quick")]
    public string Profile { get; init; } = "quick";

    [CommandOption("--data <DIR>")]
    [Description("Folder holding one folder per data set.")]
    [DefaultValue("../shared/data/text")]
    public string Data { get; init; } = "../shared/data/text";

    [CommandOption("--datasets <LIST>")]
    [Description("Comma-separated data sets instead of the profile's.")]
    public string? Datasets { get; init; }

    [CommandOption("--seeds <LIST>")]
    [Description("Comma-separated seeds instead of the profile's.")]
    public string? Seeds { get; init; }

    [CommandOption("--ablations <LIST>")]
    [Description("Comma-separated ablation variants instead of all (frozen-teacher, no-generate, no-selftrain); 'none' for none.")]
    public string? Ablations { get; init; }

    [CommandOption("--end-to-end <MODE>")]
    [Description("auto (time `gts produce` once unless a result is cached), always, or never.")]
    [DefaultValue("auto")]
    public string EndToEnd { get; init; } = "auto";

    [CommandOption("--cache <DIR>")]
    [Description("Cell results (one JSON per cell, plus each cell's step log); a rerun skips finished cells. Default $GTS_HOME/bench/pipeline/cells.")]
    public string? Cache { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for this run's report.json and report.md. Default $GTS_HOME/bench/pipeline/reports/<time>.")]
    public string? Out { get; init; }

    [CommandOption("--benchmarks <MD>")]
    [Description("Benchmark page whose pipeline section is rewritten.")]
    [DefaultValue("docs/BENCHMARKS.md")]
    public string Benchmarks { get; init; } = "docs/BENCHMARKS.md";

    [CommandOption("--no-docs")]
    [Description("Do not rewrite the benchmark page.")]
    public bool NoDocs { get; init; }

    [CommandOption("--json")]
    [Description("Print every cell's result as JSON.")]
    public bool Json { get; init; }

    public string CacheDirectory => Cache ?? GtsHome.Under("bench", "pipeline", "cells");

    public override ValidationResult Validate()
    {
        if (PipelineProfile.Find(Profile) is null) return ValidationResult.Error($"unknown profile '{Profile}': use quick or full");
        if (EndToEnd is not ("auto" or "always" or "never")) return ValidationResult.Error($"unknown --end-to-end mode '{EndToEnd}': use auto, always or never");
        if (Seeds is not null && Seeds.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(s => !int.TryParse(s, out var v) || v < 0))
            return ValidationResult.Error($"--seeds '{Seeds}' is not a comma-separated list of non-negative whole numbers");
        return ValidationResult.Success();
    }
}
