using System.ComponentModel;
using Gts.Factory.Benchmarks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.PipelineBench;

/// <summary>Options of `gts bench pipeline`.</summary>
internal sealed class PipelineBenchSettings : Bench.GridBenchSettings
{
    [CommandOption("--profile <NAME>")]
    [Description("quick (sst2, cr, agnews, sms_spam; K = 8; seeds 0-2; ablations on sst2; about 3 min per cell on an idle 2-core machine) or full (the English list + 5 FewCLUE tasks, seeds 0-4).")]
    [DefaultValue("quick")]
    public string Profile { get; init; } = "quick";

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

    protected override string Name => "pipeline";

    public override ValidationResult Validate()
    {
        if (PipelineProfile.Find(Profile) is null) return ValidationResult.Error($"unknown profile '{Profile}': use quick or full");
        if (EndToEnd is not ("auto" or "always" or "never")) return ValidationResult.Error($"unknown --end-to-end mode '{EndToEnd}': use auto, always or never");
        if (Seeds is not null && Seeds.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(s => !int.TryParse(s, out var v) || v < 0))
            return ValidationResult.Error($"--seeds '{Seeds}' is not a comma-separated list of non-negative whole numbers");
        return ValidationResult.Success();
    }
}
