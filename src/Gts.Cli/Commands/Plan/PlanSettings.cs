using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Plan;

/// <summary>Options of `gts plan`.</summary>
internal sealed class PlanSettings : CommandSettings
{
    [CommandOption("--model <MODEL>")]
    [Description("Model preset (gpt-1.7b … gpt-1t, gpt3-175b, bert-3.9b, llama-7b … llama-65b) or model JSON file.")]
    public string Model { get; init; } = "";

    [CommandOption("--cluster <CLUSTER>")]
    [Description("Cluster preset as name:nodes (dgx-a100-80gb:384, dgx-h100:64, dgx-a100-40gb, dgx2-v100, dgx1-v100) or cluster JSON file.")]
    public string Cluster { get; init; } = "";

    [CommandOption("--global-batch <SEQUENCES>")]
    [Description("Sequences per optimizer step (default: GPU count).")]
    public int? GlobalBatch { get; init; }

    [CommandOption("--top <N>")]
    [Description("How many configurations to show (default 10).")]
    [DefaultValue(10)]
    public int Top { get; init; } = 10;

    [CommandOption("--unfused-attention")]
    [Description("Model attention without a fused (Flash) kernel: s×s scores are stored and moved through memory.")]
    public bool UnfusedAttention { get; init; }

    [CommandOption("--runs <CSV>")]
    [Description("Published runs used to calibrate efficiency (default ../shared/data/training-runs/runs.csv).")]
    public string Runs { get; init; } = PlanCalibration.DefaultRunsPath;

    [CommandOption("--json")]
    [Description("Print the ranked configurations as JSON.")]
    public bool Json { get; init; }
}
