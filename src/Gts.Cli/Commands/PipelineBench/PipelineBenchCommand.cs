using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gts.Cli.Commands.Plan;
using Gts.Core;
using Gts.Core.Errors;
using Gts.Factory.Benchmarks;
using Gts.Store.Artifacts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.PipelineBench;

/// <summary>`gts bench pipeline`: the production pipeline in-process on every data set x seed (and the ablations), the floors beside
/// it, one timed `gts produce` through the dispatcher; resumable; written to docs/BENCHMARKS.md.</summary>
internal sealed class PipelineBenchCommand : AsyncCommand<PipelineBenchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PipelineBenchSettings settings, CancellationToken cancellationToken)
    {
        var profile = Profile(settings);
        if (!Directory.Exists(settings.Data))
            throw new GtsException(ErrorKind.NotFound, $"data folder not found: {settings.Data}", "pass --data <folder with sst2/, cr/, ...>", new SourceLocation(settings.Data));
        var missing = profile.Datasets.Where(d => !Directory.Exists(Path.Combine(settings.Data, d))).ToList();
        if (missing.Count > 0)
            throw new GtsException(ErrorKind.NotFound, $"no data-set folder for {string.Join(", ", missing)} in {settings.Data}", "pass --datasets with folders that exist, or --data <the right folder>", new SourceLocation(settings.Data));

        string loadBefore = MachineInfo.LoadAverage();
        var clock = Stopwatch.StartNew();
        var store = new PipelineCellStore(settings.CacheDirectory);
        var work = Directory.CreateTempSubdirectory("gts-bench-pipeline-").FullName;
        PipelineRun run;
        try
        {
            var grid = new PipelineGrid(settings.Data, profile, store, work, dir => new FileArtifactStore(dir));
            run = await grid.RunAsync(new CellLines(Console.Out), cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        var endToEnd = await EndToEndAsync(settings, store.Directory, cancellationToken);
        var bench = new PipelineBenchContext(MachineInfo.Describe(), DateTimeOffset.UtcNow, CommandLine(settings), settings.Data, loadBefore, MachineInfo.LoadAverage(), clock.Elapsed);
        var markdown = PipelineMarkdown.Build(run, profile, endToEnd, bench);
        var outDir = settings.Out ?? GtsHome.Under("bench", "pipeline", "reports", bench.Date.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(outDir);
        var json = JsonSerializer.Serialize(new { context = bench, profile, run.CellsRun, run.CellsCached, run.Embeddings, teacher = run.Teacher, endToEnd, cells = run.Results },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        File.WriteAllText(Path.Combine(outDir, "report.json"), json);
        File.WriteAllText(Path.Combine(outDir, "report.md"), markdown);
        if (!settings.NoDocs) BenchmarkSection.Write(settings.Benchmarks, "pipeline", markdown);

        if (settings.Json)
        {
            Console.Out.WriteLine(json);
            return 0;
        }
        Console.Out.WriteLine(markdown);
        Console.Out.WriteLine($"{run.CellsRun} cells run, {run.CellsCached} cached; report: {outDir}" + (settings.NoDocs ? "" : $"; wrote the pipeline section of {settings.Benchmarks}"));
        return 0;
    }

    private static async Task<EndToEndResult?> EndToEndAsync(PipelineBenchSettings settings, string cacheDirectory, CancellationToken cancellationToken)
    {
        if (settings.EndToEnd == "never") return null;
        var path = Path.Combine(cacheDirectory, EndToEndRun.FileName);
        if (settings.EndToEnd == "auto" && EndToEndRun.TryLoad(path) is { } cached) return cached;
        Console.Out.WriteLine("end to end: timing `gts produce` through the dispatcher (sst2, 8 x 2 labels, 5,000-text pool, fresh GTS_HOME)");
        var result = await EndToEndRun.RunAsync(settings.Data, cancellationToken);
        EndToEndRun.Save(path, result);
        Console.Out.WriteLine($"end to end: {result.Seconds:F0} s, exit code {result.ExitCode}");
        return result;
    }

    private static PipelineProfile Profile(PipelineBenchSettings settings)
    {
        var profile = PipelineProfile.Find(settings.Profile)!;
        static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (settings.Datasets is { } d) profile = profile with { Datasets = List(d) };
        if (settings.Seeds is { } s) profile = profile with { Seeds = List(s).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList() };
        if (settings.Ablations is { } a) profile = profile with { Ablations = a == "none" ? [] : List(a) };
        return profile;
    }

    private static string CommandLine(PipelineBenchSettings s)
    {
        var parts = new List<string> { "dotnet run -c Release --project src/Gts.Cli -- bench pipeline", $"--profile {s.Profile}" };
        if (s.Data != "../shared/data/text") parts.Add($"--data {s.Data}");
        if (s.Datasets is not null) parts.Add($"--datasets {s.Datasets}");
        if (s.Seeds is not null) parts.Add($"--seeds {s.Seeds}");
        if (s.Ablations is not null) parts.Add($"--ablations {s.Ablations}");
        if (s.EndToEnd != "auto") parts.Add($"--end-to-end {s.EndToEnd}");
        return string.Join(' ', parts);
    }

    // One line per finished cell and per finished embedding pass: the benchmark runs for many minutes, usually into a log file.
    private sealed class CellLines(TextWriter output) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value)
        {
            if (value.Stage == "embed" && value.Done < value.Total) return;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} [{value.Stage} {value.Done}/{value.Total}] {value.Description}"));
        }
    }
}
