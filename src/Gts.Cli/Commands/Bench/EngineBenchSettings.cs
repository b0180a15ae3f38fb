using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Bench;

/// <summary>Options of `gts bench engine`.</summary>
internal sealed class EngineBenchSettings : CommandSettings
{
    [CommandArgument(0, "<EXPERIMENT>")]
    [Description("fewshot (SetFit vs frozen MiniLM), tapt (masked-LM adaptation), stability (deep encoders per norm placement), soak (native memory over many steps).")]
    public string Experiment { get; init; } = "";

    [CommandOption("--data <DIR>")]
    [Description("Folder of the text data sets (default ../shared/data/text, relative to the repository root).")]
    public string Data { get; init; } = "../shared/data/text";

    [CommandOption("--datasets <LIST>")]
    [Description("Comma-separated data sets (default sst2,cr,trec,agnews).")]
    public string Datasets { get; init; } = "sst2,cr,trec,agnews";

    [CommandOption("--seeds <LIST>")]
    [Description("Comma-separated sampler seeds (default 0,1,2,3,4).")]
    public string Seeds { get; init; } = "0,1,2,3,4";

    [CommandOption("--shots <K>")]
    [DefaultValue(8)]
    public int Shots { get; init; } = 8;

    [CommandOption("--test-limit <N>")]
    [Description("Evaluate on a fixed random subset of N test examples per data set (0 = the full test set).")]
    [DefaultValue(0)]
    public int TestLimit { get; init; }

    [CommandOption("--max-pairs <N>")]
    [DefaultValue(640)]
    public int MaxPairs { get; init; } = 640;

    [CommandOption("--body-lr <RATE>")]
    [Description("SetFit body learning rate (SetFit's default 2e-5).")]
    [DefaultValue(2e-5)]
    public double BodyLearningRate { get; init; } = 2e-5;

    [CommandOption("--batch <N>")]
    [Description("SetFit pair batch size (SetFit's default 16).")]
    [DefaultValue(16)]
    public int Batch { get; init; } = 16;

    [CommandOption("--steps <N>")]
    [Description("Optimizer steps for tapt / stability / soak.")]
    [DefaultValue(200)]
    public int Steps { get; init; } = 200;

    [CommandOption("--layers <N>")]
    [DefaultValue(48)]
    public int Layers { get; init; } = 48;

    [CommandOption("--lr <RATE>")]
    [Description("Peak learning rate for the stability experiment.")]
    [DefaultValue(1e-3)]
    public double LearningRate { get; init; } = 1e-3;

    [CommandOption("--threads <N>")]
    [DefaultValue(1)]
    public int Threads { get; init; } = 1;

    [CommandOption("--benchmarks <MD>")]
    [Description("Benchmark page whose engine section is rewritten (default docs/BENCHMARKS.md).")]
    public string Benchmarks { get; init; } = "docs/BENCHMARKS.md";
}
