using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gts.Core.Errors;
using Gts.Planner.Gangs;
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
                    gang = GangRequests.From(p, cluster),
                }),
            };
            AnsiConsole.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(model.Name)}[/] ({model.ParamCount / 1e9:F1}B parameters) on {cluster.TotalGpus} × {Markup.Escape(cluster.Gpu.Name)} ({cluster.Nodes} nodes), global batch {training.GlobalBatch}; efficiency {Markup.Escape(effDescription)}");
        AnsiConsole.MarkupLine($"{result.Enumerated:N0} configurations enumerated, {result.Fitting:N0} fit in memory, ranked in {watch.Elapsed.TotalSeconds:F3} s");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("configuration");
        table.AddColumn("memory GB per GPU");
        table.AddColumn("seconds per iteration, by term");
        table.AddColumn(new TableColumn("samples/s").RightAligned());
        table.AddColumn(new TableColumn("TFLOP/s").RightAligned());
        table.AddColumn(new TableColumn("MFU").RightAligned());
        int rank = 1;
        foreach (var p in result.Top)
        {
            var inv = CultureInfo.InvariantCulture;
            var m = p.Memory;
            string memory = string.Format(inv, "{0:F1} = {1:F1} weights + {2:F1} grads + {3:F1} optimizer + {4:F1} activations + {5:F1} buffers",
                m.Total / 1e9, m.Weights / 1e9, m.Gradients / 1e9, m.OptimizerStates / 1e9, m.Activations / 1e9, m.Buffers / 1e9);
            string time = string.Format(inv, "{0:F2}: ", p.Time.Total) + string.Join(", ",
                p.Time.Terms.Where(t => t.Seconds > 0.0005 * p.Time.Total).Select(t => string.Format(inv, "{0} {1:F2}", t.Name, t.Seconds)));
            table.AddRow(
                (rank++).ToString(inv), Markup.Escape(p.Config.ToString()), memory, Markup.Escape(time),
                p.SamplesPerSecond.ToString("F1", inv), p.ModelTflopsPerGpu.ToString("F1", inv), (p.Mfu * 100).ToString("F1", inv) + "%");
        }
        AnsiConsole.Write(table);
        var gang = GangRequests.From(result.Top[0], cluster);
        AnsiConsole.MarkupLine($"gang request for #1: {gang.Gpus} × {Markup.Escape(cluster.Gpu.Name)} (≥ {gang.MinGpuMemoryMib:N0} MiB each), TP groups of {gang.Gang.TensorParallel} inside a node, {gang.Gang.PipelineStages} pipeline stages{(gang.Gang.StagesUnderOneSwitch ? " under one switch" : "")}, {(gang.Gang.Nodes is { } n ? n + " whole nodes" : "any nodes")}");
        if (result.Top.Count > 1)
            AnsiConsole.MarkupLine("[bold]why #1:[/] " + Markup.Escape(PlanComparison.Explain(result.Top[0], result.Top[1])));
        return 0;
    }
}
