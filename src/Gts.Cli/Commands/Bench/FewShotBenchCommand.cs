using System.Diagnostics;
using System.Text.Json;
using Gts.Cli.Commands.Plan;
using Gts.Core;
using Gts.Core.Errors;
using Gts.Factory.Benchmarks;
using Gts.Neural.Embeddings;
using Spectre.Console;
using Spectre.Console.Cli;
using GridRun = Gts.Factory.Benchmarks.FewShotRun;

namespace Gts.Cli.Commands.Bench;

/// <summary>`gts bench fewshot`: the baseline grid (methods x data sets x shots x seeds), resumable, written to docs/BENCHMARKS.md.</summary>
internal sealed class FewShotBenchCommand : Command<FewShotBenchSettings>
{
    public override int Execute(CommandContext context, FewShotBenchSettings settings, CancellationToken cancellationToken)
    {
        var profile = Profile(settings);
        if (!Directory.Exists(settings.Data))
            throw new GtsException(ErrorKind.NotFound, $"data folder not found: {settings.Data}", "pass --data <folder with sst2/, cr/, ...>", new SourceLocation(settings.Data));
        var reference = File.Exists(settings.Reference) ? ReferenceTable.Load(settings.Reference) : null;
        if (reference is null) AnsiConsole.MarkupLine($"[yellow]warning:[/] no reference note at {Markup.Escape(settings.Reference)}; the Δ columns stay empty.");

        var options = settings.Threads is { } t ? new EncoderOptions { IntraOpThreads = t } : new EncoderOptions();
        var grid = new FewShotGrid(settings.Data, profile, new CellStore(settings.CacheDirectory), options);
        string loadBefore = MachineInfo.LoadAverage();
        var clock = Stopwatch.StartNew();
        GridRun run = null!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var cells = ctx.AddTask("cells");
                ProgressTask? embed = null;
                run = grid.Run(new SyncProgress<FewShotProgress>(p =>
                {
                    if (p.Stage == "cells")
                    {
                        cells.MaxValue = p.Total;
                        cells.Value = p.Done;
                        cells.Description = $"cells ({Markup.Escape(p.Description)})";
                        return;
                    }
                    if (embed is null || embed.IsFinished) embed = ctx.AddTask(Markup.Escape(p.Description), maxValue: Math.Max(1, p.Total));
                    embed.Value = p.Done;
                }), cancellationToken);
            });

        var bench = new BenchmarkContext(MachineInfo.Describe(), DateTimeOffset.UtcNow, CommandLine(settings), settings.Data, loadBefore,
            MachineInfo.LoadAverage(), clock.Elapsed);
        var markdown = FewShotMarkdown.Build(run, profile, reference, bench);
        var outDir = settings.Out ?? GtsHome.Under("bench", "fewshot", "reports", bench.Date.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(outDir);
        var json = JsonSerializer.Serialize(new { context = bench, profile, run.CellsRun, run.CellsCached, run.Embeddings, cells = run.Results }, CellStore.Json);
        File.WriteAllText(Path.Combine(outDir, "report.json"), json);
        File.WriteAllText(Path.Combine(outDir, "report.md"), markdown);
        if (!settings.NoDocs) BenchmarkSection.Write(settings.Benchmarks, "fewshot", markdown);

        if (settings.Json)
        {
            Console.Out.WriteLine(json);
            return 0;
        }
        AnsiConsole.Write(new Markup(Markup.Escape(markdown) + Environment.NewLine));
        AnsiConsole.MarkupLine($"{run.CellsRun} cells run, {run.CellsCached} cached; report: {Markup.Escape(outDir)}" +
            (settings.NoDocs ? "" : $"; wrote the fewshot section of {Markup.Escape(settings.Benchmarks)}"));
        return 0;
    }

    private static FewShotProfile Profile(FewShotBenchSettings settings)
    {
        var profile = FewShotProfile.Find(settings.Profile)!;
        static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (settings.Datasets is { } d) profile = profile with { Datasets = List(d) };
        if (settings.Methods is { } m)
        {
            var methods = List(m);
            var unknown = methods.Where(x => !FewShotProfile.AllMethods.Contains(x)).ToList();
            if (unknown.Count > 0)
                throw new GtsException(ErrorKind.Usage, $"unknown method(s): {string.Join(", ", unknown)}", $"use {string.Join(", ", FewShotProfile.AllMethods)}");
            profile = profile with { Methods = methods };
        }
        return profile;
    }

    private static string CommandLine(FewShotBenchSettings s)
    {
        var parts = new List<string> { "dotnet run -c Release --project src/Gts.Cli -- bench fewshot", $"--profile {s.Profile}" };
        if (s.Data != "../shared/data/text") parts.Add($"--data {s.Data}");
        if (s.Datasets is not null) parts.Add($"--datasets {s.Datasets}");
        if (s.Methods is not null) parts.Add($"--methods {s.Methods}");
        if (s.Threads is not null) parts.Add($"--threads {s.Threads}");
        return string.Join(' ', parts);
    }
}
