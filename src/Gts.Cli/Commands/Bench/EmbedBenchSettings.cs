using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Bench;

/// <summary>Options of `gts bench embed`.</summary>
internal sealed class EmbedBenchSettings : BenchSettings
{

    [CommandOption("--dataset <NAME>")]
    [Description("Data set whose test texts are embedded.")]
    [DefaultValue("sst2")]
    public string Dataset { get; init; } = "sst2";

    [CommandOption("--encoders <LIST>")]
    [Description("Comma-separated packaged encoders.")]
    [DefaultValue("minilm,arcticxs")]
    public string Encoders { get; init; } = "minilm,arcticxs";

    [CommandOption("--runs <N>")]
    [Description("Timed passes per encoder (the median is reported).")]
    [DefaultValue(3)]
    public int Runs { get; init; } = 3;

    [CommandOption("--threads <N>")]
    [Description("ONNX Runtime intra-op threads (default min(2, cores)).")]
    public int? Threads { get; init; }

    [CommandOption("--batch <N>")]
    [Description("Texts per ONNX call after sorting by length.")]
    [DefaultValue(64)]
    public int Batch { get; init; } = 64;

    public override ValidationResult Validate() =>
        Runs < 1 ? ValidationResult.Error("--runs must be at least 1")
        : Batch < 1 ? ValidationResult.Error("--batch must be at least 1")
        : Threads is < 1 ? ValidationResult.Error("--threads must be at least 1")
        : ValidationResult.Success();
}
