using System.ComponentModel;
using Gts.Core;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Bench;

/// <summary>Options every `gts bench` benchmark that reads the reference data and rewrites its section of the benchmark page shares.</summary>
internal abstract class BenchSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Folder holding one folder per data set.")]
    [DefaultValue("../shared/data/text")]
    public string Data { get; init; } = "../shared/data/text";

    [CommandOption("--benchmarks <MD>")]
    [Description("Benchmark page whose section for this benchmark is rewritten.")]
    [DefaultValue("docs/BENCHMARKS.md")]
    public string Benchmarks { get; init; } = "docs/BENCHMARKS.md";

    [CommandOption("--no-docs")]
    [Description("Do not rewrite the benchmark page.")]
    public bool NoDocs { get; init; }

    [CommandOption("--json")]
    [Description("Print the results as JSON.")]
    public bool Json { get; init; }
}

/// <summary>Options of the resumable grid benchmarks (few-shot baselines, production pipeline): cells per data set, cached.</summary>
internal abstract class GridBenchSettings : BenchSettings
{
    [CommandOption("--datasets <LIST>")]
    [Description("Comma-separated data sets instead of the profile's.")]
    public string? Datasets { get; init; }

    [CommandOption("--cache <DIR>")]
    [Description("Cell results (one JSON per cell); a rerun skips finished cells. Default $GTS_HOME/bench/<benchmark>/cells.")]
    public string? Cache { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for this run's report.json and report.md. Default $GTS_HOME/bench/<benchmark>/reports/<time>.")]
    public string? Out { get; init; }

    /// <summary>The benchmark's folder name under $GTS_HOME/bench.</summary>
    protected abstract string Name { get; }

    public string CacheDirectory => Cache ?? GtsHome.Under("bench", Name, "cells");
}
