using System.ComponentModel;
using Gts.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Bench;

/// <summary>Options of `gts bench fewshot`.</summary>
internal sealed class FewShotBenchSettings : CommandSettings
{
    [CommandOption("--profile <NAME>")]
    [Description("quick (8 data sets, K = 8 and 64, seeds 0-4, ~20 min) or full (13 data sets + FewCLUE official splits).")]
    [DefaultValue("quick")]
    public string Profile { get; init; } = "quick";

    [CommandOption("--data <DIR>")]
    [Description("Folder holding one folder per data set.")]
    [DefaultValue("../shared/data/text")]
    public string Data { get; init; } = "../shared/data/text";

    [CommandOption("--datasets <LIST>")]
    [Description("Comma-separated data sets instead of the profile's.")]
    public string? Datasets { get; init; }

    [CommandOption("--methods <LIST>")]
    [Description("Comma-separated methods instead of the profile's: tfidf, minilm, arcticxs.")]
    public string? Methods { get; init; }

    [CommandOption("--reference <MD>")]
    [Description("Encoder note whose per-seed csv block holds the reference numbers.")]
    [DefaultValue("../shared/notes/pretrained-encoders.md")]
    public string Reference { get; init; } = "../shared/notes/pretrained-encoders.md";

    [CommandOption("--cache <DIR>")]
    [Description("Cell results (one JSON per cell; a rerun skips finished cells). Default $GTS_HOME/bench/fewshot/cells.")]
    public string? Cache { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for this run's report.json and report.md. Default $GTS_HOME/bench/fewshot/reports/<time>.")]
    public string? Out { get; init; }

    [CommandOption("--benchmarks <MD>")]
    [Description("Benchmark page whose fewshot section is rewritten.")]
    [DefaultValue("docs/BENCHMARKS.md")]
    public string Benchmarks { get; init; } = "docs/BENCHMARKS.md";

    [CommandOption("--no-docs")]
    [Description("Do not rewrite the benchmark page.")]
    public bool NoDocs { get; init; }

    [CommandOption("--threads <N>")]
    [Description("ONNX Runtime intra-op threads (default min(2, cores)).")]
    public int? Threads { get; init; }

    [CommandOption("--json")]
    [Description("Print every cell's result as JSON.")]
    public bool Json { get; init; }

    public string CacheDirectory => Cache ?? GtsHome.Under("bench", "fewshot", "cells");

    public override ValidationResult Validate()
    {
        if (Factory.Benchmarks.FewShotProfile.Find(Profile) is null) return ValidationResult.Error($"unknown profile '{Profile}': use quick or full");
        if (Threads is < 1) return ValidationResult.Error("--threads must be at least 1");
        return ValidationResult.Success();
    }
}
