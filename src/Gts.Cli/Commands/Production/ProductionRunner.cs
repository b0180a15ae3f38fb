using System.Globalization;
using System.Text.Json;
using Gts.Cli.Commands.Dispatch;
using Gts.Core.Runs;
using Gts.Dispatch.Orchestration;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;
using Gts.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gts.Cli.Commands.Production;

/// <summary>Submits a production plan (or resumes the unfinished run of the same name) and drives the
/// dispatcher in this process until the run ends, printing each step's progress and an ETA.</summary>
internal static class ProductionRunner
{
    internal sealed record Result(string RunId, RunState State, string? Message, IReadOnlyList<StepRecord> Steps, string? ModelArtifact = null)
    {
        public bool Succeeded => State == RunState.Succeeded;
    }

    // Relative cost of each step on the embedded defaults, for the ETA before a step has finished.
    private static readonly Dictionary<string, double> Weight = new(StringComparer.Ordinal)
    {
        ["prepare"] = 0.05, ["pretrain"] = 30, ["tapt"] = 3, ["teach"] = 1, ["generate"] = 0.5, ["label"] = 2, ["distill"] = 1, ["evaluate"] = 1.5, ["export"] = 0.05,
    };

    public static async Task<Result> RunAsync(RunSpec plan, PoolSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        var existing = (await store.ListRunsAsync(200, cancellationToken)).FirstOrDefault(r => r.Name == plan.Name && r.State == RunState.Running);
        string runId;
        if (existing is not null)
        {
            runId = existing.Id;
            output.WriteLine($"resuming run {runId} ({plan.Name}): finished steps are kept");
        }
        else
        {
            runId = $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
            var (run, steps) = RunPlanner.Plan(runId, plan, now, "recipe");
            await store.CreateRunAsync(run, steps, cancellationToken);
            output.WriteLine($"run {runId}: {string.Join(" → ", plan.Steps.Select(s => s.Id))}");
        }

        var options = new DispatcherOptions(DispatchSetup.WorkerCommand())
        {
            WorkerEnv = DispatchSetup.WorkerEnv(settings),
            Interval = TimeSpan.FromMilliseconds(250),
        };
        var dispatcher = new Dispatcher(store, DispatchSetup.Executors(settings), ScheduledPlacement.Default, options, TimeProvider.System, NullLogger.Instance);
        var started = TimeProvider.System.GetUtcNow();
        var reported = new Dictionary<string, StepState>(StringComparer.Ordinal);
        while (true)
        {
            await dispatcher.RunCycleAsync(cancellationToken);
            var runRecord = await store.GetRunAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"run {runId} vanished from the store");
            var steps = await store.GetStepsAsync(runId, cancellationToken);
            Report(steps, reported, started, output);
            if (runRecord.State != RunState.Running)
            {
                var export = steps.FirstOrDefault(s => s.StepId == "export");
                var exported = export is null ? null : await store.GetResultAsync(runId, export.StepId, export.Attempt, cancellationToken);
                return new Result(runId, runRecord.State, runRecord.Message ?? steps.FirstOrDefault(s => s.State == StepState.Failed)?.Message, steps,
                    exported?.Outputs.GetValueOrDefault("model"));
            }
            await Task.Delay(options.Interval, cancellationToken);
        }
    }

    private static void Report(IReadOnlyList<StepRecord> steps, Dictionary<string, StepState> reported, DateTimeOffset started, TextWriter output)
    {
        var ci = CultureInfo.InvariantCulture;
        foreach (var s in steps)
        {
            if (reported.TryGetValue(s.StepId, out var last) && last == s.State) continue;
            reported[s.StepId] = s.State;
            if (s.State is StepState.Waiting or StepState.Ready or StepState.Placed) continue;
            var line = s.State switch
            {
                StepState.Running => $"  {s.StepId,-9} running",
                StepState.Succeeded => $"  {s.StepId,-9} done in {Seconds(s):F1} s: {s.Message}",
                _ => $"  {s.StepId,-9} {s.State.ToString().ToLowerInvariant()}: {s.Message}",
            };
            output.WriteLine(line);
            if (s.State == StepState.Succeeded) output.WriteLine(string.Create(ci, $"            ETA {Eta(steps, started):F0} s"));
        }
    }

    // Remaining time = elapsed per unit of finished weight × remaining weight.
    private static double Eta(IReadOnlyList<StepRecord> steps, DateTimeOffset started)
    {
        double done = steps.Where(s => s.State == StepState.Succeeded).Sum(s => Weight.GetValueOrDefault(s.StepId, 1));
        double left = steps.Where(s => !s.State.IsTerminal()).Sum(s => Weight.GetValueOrDefault(s.StepId, 1));
        double elapsed = (TimeProvider.System.GetUtcNow() - started).TotalSeconds;
        return done == 0 ? double.NaN : elapsed / done * left;
    }

    private static double Seconds(StepRecord s) =>
        s.StartedAt is { } a && s.FinishedAt is { } b ? (b - a).TotalSeconds : 0;

    /// <summary>Makes sure the model directory holds the run's exported model: when the export step was a cache
    /// hit (same data, same recipe) it wrote nothing, so the stored "model" artifact is unpacked there (beside the
    /// target first, then renamed into place).</summary>
    public static void Materialize(Recipe recipe, Result result)
    {
        if (result.ModelArtifact is null || File.Exists(Path.Combine(recipe.Output, ModelCard.JsonFile))) return;
        var staging = recipe.Output.TrimEnd(Path.DirectorySeparatorChar) + ".tmp-" + result.RunId;
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        using (var stream = StateStores.OpenArtifacts().OpenRead(result.ModelArtifact))
            System.IO.Compression.ZipFile.ExtractToDirectory(stream, staging);
        if (Directory.Exists(recipe.Output)) Directory.Delete(recipe.Output, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(recipe.Output))!);
        Directory.Move(staging, recipe.Output);
    }

    /// <summary>Adds each step's wall time to the exported model card.</summary>
    public static void WriteTimings(Recipe recipe, Result result)
    {
        var path = Path.Combine(recipe.Output, ModelCard.JsonFile);
        if (!File.Exists(path)) return;
        var card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), ArtifactJson.Options);
        if (card is null) return;
        var timings = result.Steps.ToDictionary(s => s.StepId, Seconds);
        (card with { StepSeconds = timings }).Write(recipe.Output);
    }
}
