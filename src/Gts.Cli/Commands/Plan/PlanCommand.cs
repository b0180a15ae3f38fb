using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gts.Core.Errors;
using Gts.Planner.Hardware;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Plan;

/// <summary>`gts plan --model M --cluster C`: ranks every parallel configuration and prints the best with their
/// memory and time breakdowns, and why the winner beats the runner-up.</summary>
internal sealed class PlanCommand : Command<PlanSettings>
{
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Model.Length == 0) throw new GtsException(ErrorKind.Usage, "--model is required", "pass --model <preset|file>, e.g. --model gpt-1t");
        if (settings.Cluster.Length == 0) throw new GtsException(ErrorKind.Usage, "--cluster is required", "pass --cluster <preset:nodes|file>, e.g. --cluster dgx-a100-80gb:384");
        if (settings.Top < 1) throw new GtsException(ErrorKind.Usage, $"--top is {settings.Top}", "pass --top 1 or more");
        var model = ModelFile.Load(settings.Model);
        var cluster = ClusterFile.Load(settings.Cluster);
        var training = new TrainingSettings(settings.GlobalBatch ?? cluster.TotalGpus, FusedAttention: !settings.UnfusedAttention);
        var (eff, effDescription) = PlanCalibration.Load(settings.Runs);

        var watch = Stopwatch.StartNew();
        var result = PlanSearch.Rank(model, cluster, training, eff, settings.Top);
        watch.Stop();

        if (settings.Json)
        {
            var json = new
            {
                model, cluster = new { cluster.Name, gpu = cluster.Gpu.Name, cluster.Nodes, cluster.GpusPerNode, cluster.TotalGpus },
                training.GlobalBatch, efficiency = effDescription, result.Enumerated, result.Fitting, searchSeconds = watch.Elapsed.TotalSeconds,
                top = result.Top.Select(p => new
                {
                    config = p.Config.ToString(), p.Config.Dp, p.Config.Tp, p.Config.Pp, p.Config.VirtualStages, p.Config.MicroBatch,
                    p.Config.ZeroStage, recompute = p.Config.Recompute.ToString(), p.Config.SequenceParallel, schedule = p.Config.Schedule.ToString(),
                    p.Config.CpuOffload,
                    memoryGb = new { total = p.Memory.Total / 1e9, weights = p.Memory.Weights / 1e9, gradients = p.Memory.Gradients / 1e9,
                        optimizer = p.Memory.OptimizerStates / 1e9, activations = p.Memory.Activations / 1e9, buffers = p.Memory.Buffers / 1e9 },
                    timeSeconds = p.Time.Terms.ToDictionary(t => t.Name, t => t.Seconds),
                    iterationSeconds = p.Time.Total, p.SamplesPerSecond, p.ModelTflopsPerGpu, p.Mfu,
                }),
            };
            AnsiConsole.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(model.Name)}[/] ({model.ParamCount / 1e9:F1}B parameters) on {cluster.TotalGpus} × {Markup.Escape(cluster.Gpu.Name)} ({cluster.Nodes} nodes), global batch {training.GlobalBatch}; efficiency {Markup.Escape(effDescription)}");
        AnsiConsole.MarkupLine($"{result.Enumerated:N0} configurations enumerated, {result.Fitting:N0} fit in memory, ranked in {watch.Elapsed.TotalSeconds:F3} s");
        var table = new Table().Border(TableBorder.Rounded);
        string[] headers = ["#", "configuration", "mem GB", "states", "act", "buf", "iter s", "compute", "elementw", "recomp", "tp", "p2p", "bubble", "dp", "zero", "optim", "samples/s", "TFLOP/s", "MFU"];
        foreach (var h in headers) table.AddColumn(new TableColumn(h).RightAligned());
        int rank = 1;
        foreach (var p in result.Top)
        {
            var t = p.Time;
            string S(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);
            table.AddRow(
                (rank++).ToString(CultureInfo.InvariantCulture), Markup.Escape(p.Config.ToString()),
                (p.Memory.Total / 1e9).ToString("F1", CultureInfo.InvariantCulture), (p.Memory.ModelStates / 1e9).ToString("F1", CultureInfo.InvariantCulture),
                (p.Memory.Activations / 1e9).ToString("F1", CultureInfo.InvariantCulture), (p.Memory.Buffers / 1e9).ToString("F1", CultureInfo.InvariantCulture),
                S(t.Total), S(t.Compute), S(t.Elementwise), S(t.Recompute), S(t.TensorParallel), S(t.PipelineP2P), S(t.Bubble),
                S(t.DataParallel), S(t.ZeroComm), S(t.Optimizer + t.Offload),
                p.SamplesPerSecond.ToString("F1", CultureInfo.InvariantCulture), p.ModelTflopsPerGpu.ToString("F1", CultureInfo.InvariantCulture),
                (p.Mfu * 100).ToString("F1", CultureInfo.InvariantCulture) + "%");
        }
        AnsiConsole.Write(table);
        if (result.Top.Count > 1)
            AnsiConsole.MarkupLine("[bold]why #1:[/] " + Markup.Escape(PlanComparison.Explain(result.Top[0], result.Top[1])));
        return 0;
    }
}
