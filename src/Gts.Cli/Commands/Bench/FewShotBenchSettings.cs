using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Bench;

/// <summary>Options of `gts bench fewshot`.</summary>
internal sealed class FewShotBenchSettings : GridBenchSettings
{
    [CommandOption("--profile <NAME>")]
    [Description("quick (8 data sets, K = 8 and 64, seeds 0-4, ~20 min) or full (13 data sets + FewCLUE official splits).")]
    [DefaultValue("quick")]
    public string Profile { get; init; } = "quick";

    [CommandOption("--methods <LIST>")]
    [Description("Comma-separated methods instead of the profile's: tfidf, minilm, arcticxs.")]
    public string? Methods { get; init; }

    [CommandOption("--reference <MD>")]
    [Description("Encoder note whose per-seed csv block holds the reference numbers.")]
    [DefaultValue("../shared/notes/pretrained-encoders.md")]
    public string Reference { get; init; } = "../shared/notes/pretrained-encoders.md";

    [CommandOption("--threads <N>")]
    [Description("ONNX Runtime intra-op threads (default min(2, cores)).")]
    public int? Threads { get; init; }

    protected override string Name => "fewshot";

    public override ValidationResult Validate()
    {
        if (Factory.Benchmarks.FewShotProfile.Find(Profile) is null) return ValidationResult.Error($"unknown profile '{Profile}': use quick or full");
        if (Threads is < 1) return ValidationResult.Error("--threads must be at least 1");
        return ValidationResult.Success();
    }
}
