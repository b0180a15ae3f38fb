using Gts.Core.Errors;
using Gts.Sim.Experiments;
using Gts.Sim.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Sim;

/// <summary>`gts sim`: replays the public traces through the real scheduler on virtual time, prints the tables,
/// writes them into the benchmarks page and draws the plots.</summary>
internal sealed class SimCommand : Command<SimSettings>
{
    private static readonly string[] Known = ["pollux", "philly", "alibaba", "cycle"];

    public override int Execute(CommandContext context, SimSettings settings, CancellationToken cancellationToken)
    {
        var chosen = settings.Experiment.Trim() == "all" ? Known
            : settings.Experiment.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var e in chosen)
            if (!Known.Contains(e))
                throw new GtsException(ErrorKind.Usage, $"unknown experiment '{e}'", $"use some of {string.Join(", ", Known)} or all");
        var progress = new Progress<string>(m => AnsiConsole.MarkupLineInterpolated($"[grey]{m}[/]"));
        var report = new SimulatorReport(settings.Plots, string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        if (chosen.Contains("cycle"))
        {
            var r = CycleBench.Run(settings.CycleGpus, settings.CyclePending, settings.CycleRepeats, settings.Seed);
            report.AddCycle(r);
            AnsiConsole.MarkupLineInterpolated($"cycle over {r.Gpus} GPUs, {r.Pending} pending, {r.Running} running: p50 {r.P50Ms:F2} ms, p99 {r.P99Ms:F2} ms");
        }
        if (chosen.Contains("alibaba"))
        {
            var nodes = Gts.Sim.Traces.AlibabaTraceReader.ReadNodes(Path.Combine(settings.Alibaba, "openb_node_list_gpu_node.csv.gz"));
            var layout = AlibabaExperiment.Layout(nodes);
            foreach (var w in settings.AlibabaWorkloads.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var pods = Gts.Sim.Traces.AlibabaTraceReader.ReadPods(Path.Combine(settings.Alibaba, w + ".csv.gz"));
                foreach (var (name, policy) in AlibabaExperiment.Policies(AlibabaExperiment.MixOf(pods)))
                {
                    var r = AlibabaExperiment.Run(w, layout, pods, name, policy);
                    report.AddAlibaba(r);
                    AnsiConsole.MarkupLineInterpolated($"alibaba {w} {name}: unallocated {r.UnallocatedPct:F2} % ({r.UnallocatedGpus:F0} GPUs), allocation rate {r.AllocationRatePct:F2} %, {r.WallSeconds:F1} s");
                }
            }
        }
        if (chosen.Contains("pollux"))
        {
            if (!Directory.Exists(settings.Pollux))
                throw new GtsException(ErrorKind.NotFound, $"Pollux workload folder '{settings.Pollux}' does not exist", "pass --pollux <DIR>", new SourceLocation(settings.Pollux));
            var files = Directory.GetFiles(settings.Pollux, "workload-*.csv*").Order(StringComparer.Ordinal).ToList();
            var results = PolluxExperiment.Run(files, settings.PolluxModels, PolluxExperiment.Policies(), progress);
            report.AddPollux(results);
            foreach (var (policy, rs) in results)
                AnsiConsole.MarkupLineInterpolated($"pollux {policy}: mean JCT over {rs.Sum(r => r.Jobs.Count)} jobs {rs.SelectMany(r => r.Jobs).Average(j => j.Jct) / 3600:F3} h");
        }
        if (chosen.Contains("philly"))
        {
            var results = PhillyExperiment.Run(settings.Philly, settings.PhillyGpus, PhillyExperiment.Policies(settings.PhillyPolicies), progress);
            report.AddPhilly(results, settings.PhillyGpus);
        }
        if (!string.IsNullOrEmpty(settings.Benchmarks))
        {
            report.WriteInto(settings.Benchmarks);
            AnsiConsole.MarkupLineInterpolated($"wrote the simulator tables into {settings.Benchmarks} and plots into {settings.Plots}");
        }
        return 0;
    }
}
