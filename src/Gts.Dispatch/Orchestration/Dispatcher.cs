using System.Globalization;
using Gts.Core.Compute;
using Gts.Core.Errors;
using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Core.Store;
using Microsoft.Extensions.Logging;

namespace Gts.Dispatch.Orchestration;

/// <summary>The dispatcher's cycle: observe launched steps → advance runs (Level 3) → place ready steps
/// (the placement policy) → commit all of it as one transaction, or discard it if the snapshot went stale →
/// launch what was placed and cancel what was asked to stop. Every phase is safe to repeat, which is the
/// whole reconciliation protocol: a restarted dispatcher runs the same cycle, resubmits placed steps under
/// their stored launch keys (executors return the earlier submission) and observes the rest.</summary>
public sealed class Dispatcher(IMetadataStore store, IReadOnlyList<IExecutor> executors, IPlacementPolicy placement,
    DispatcherOptions options, TimeProvider time, ILogger logger)
{
    private readonly Dictionary<string, IExecutor> _executors = executors.ToDictionary(e => e.Pool, StringComparer.Ordinal);
    private IReadOnlyList<ComputePool>? _pools;

    /// <summary>Runs cycles until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try { await RunCycleAsync(cancellationToken); }
            catch (GtsException e) when (e.Kind == ErrorKind.External)
            {
                logger.LogWarning("cycle skipped: {Message}", e.Message);
            }
            await Task.Delay(options.Interval, time, cancellationToken);
        }
    }

    /// <summary>One cycle; true when its decisions were committed, false when they were discarded as stale.</summary>
    public async Task<bool> RunCycleAsync(CancellationToken cancellationToken)
    {
        _pools ??= await Task.WhenAll(_executors.Values.Select(e => e.DescribeAsync(cancellationToken)));
        var active = await store.GetActiveRunsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var working = active.ToDictionary(a => a.Run.Id, a => a.Steps.ToDictionary(s => s.StepId, StringComparer.Ordinal), StringComparer.Ordinal);
        var changed = new Dictionary<(string, string), StepRecord>();
        void Set(StepRecord s) { working[s.RunId][s.StepId] = s; changed[(s.RunId, s.StepId)] = s; }

        foreach (var s in await ObserveAsync(active.SelectMany(a => a.Steps), now, cancellationToken)) Set(s);

        var runChanges = new List<RunRecord>();
        foreach (var (run, _) in active)
        {
            var (runChange, steps) = RunProgress.Advance(run, working[run.Id].Values.OrderBy(s => s.CreatedAt).ToList(), now);
            foreach (var s in steps) Set(s.State == StepState.Ready ? await PrepareAsync(s, working[run.Id], now, cancellationToken) : s);
            if (runChange is not null) runChanges.Add(runChange);
        }

        foreach (var s in Place(active.Select(a => a.Run), working, now)) Set(s);

        var change = new RunChange(runChanges, changed.Values.ToList());
        if (!await store.TryCommitAsync(change, cancellationToken))
        {
            logger.LogDebug("cycle discarded: the snapshot went stale");
            return false;
        }
        foreach (var r in runChanges) logger.LogInformation("run {Run} {State}: {Message}", r.Id, r.State, r.Message);

        var fresh = await store.GetActiveRunsAsync(cancellationToken);
        await LaunchAsync(fresh.SelectMany(a => a.Steps).Where(s => s.State == StepState.Placed && s.ExternalId is null).ToList(), cancellationToken);
        await CancelAsync(fresh.SelectMany(a => a.Steps).Where(s => s.CancelRequested && s.State.IsLaunched() && s.ExternalId is not null), cancellationToken);
        return true;
    }

    private async Task<List<StepRecord>> ObserveAsync(IEnumerable<StepRecord> steps, DateTimeOffset now, CancellationToken ct)
    {
        var updates = new List<StepRecord>();
        foreach (var group in steps.Where(s => s.State.IsLaunched() && s.ExternalId is not null && s.Pool is not null).GroupBy(s => s.Pool!))
        {
            if (!_executors.TryGetValue(group.Key, out var executor)) continue;
            var list = group.ToList();
            var seen = await executor.ObserveAsync(list.Select(s => new TaskHandle(TaskKey(s), s.ExternalId!)).ToList(), ct);
            for (int i = 0; i < list.Count; i++)
            {
                var result = seen[i].IsFinished ? await store.GetResultAsync(list[i].RunId, list[i].StepId, list[i].Attempt, ct) : null;
                if (TaskOutcome.Apply(list[i], seen[i], result, now, options.Retry) is { } next) updates.Add(next);
            }
        }
        return updates;
    }

    /// <summary>A step that just became ready: resolve its inputs to artifact hashes, and skip it when an
    /// earlier run already produced its declared outputs from the same inputs (cache hit).</summary>
    private async Task<StepRecord> PrepareAsync(StepRecord step, Dictionary<string, StepRecord> runSteps, DateTimeOffset now, CancellationToken ct)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, reference) in step.Inputs)
        {
            var parts = reference.Split(':');
            var from = runSteps[parts[0]];
            var result = await store.GetResultAsync(from.RunId, from.StepId, from.Attempt, ct);
            if (result is null || !result.Outputs.TryGetValue(parts[1], out var hash))
                return step with { State = StepState.Failed, FinishedAt = now, Message = $"input '{name}' ({reference}) has no stored result" };
            inputs[name] = hash;
        }
        var inputHash = StepHash.Of(step.Kind, step.Args, inputs);
        if (step.Outputs.Count > 0 && await store.FindCachedResultAsync(step.Kind, inputHash, ct) is { } cached
            && step.Outputs.All(cached.Outputs.ContainsKey))
        {
            await store.RecordResultAsync(new StepResult(step.RunId, step.StepId, step.Attempt + 1, 0, now)
            {
                Kind = step.Kind, InputHash = inputHash, Outputs = cached.Outputs, Message = $"cache hit: {cached.RunId}/{cached.StepId}",
            }, ct);
            return step with { State = StepState.Succeeded, Attempt = step.Attempt + 1, InputHash = inputHash, ExitCode = 0, StartedAt = now, FinishedAt = now, Message = $"cache hit: {cached.RunId}/{cached.StepId}" };
        }
        return step with { InputHash = inputHash };
    }

    private List<StepRecord> Place(IEnumerable<RunRecord> runs, Dictionary<string, Dictionary<string, StepRecord>> working, DateTimeOffset now)
    {
        var runById = runs.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var all = working.Values.SelectMany(v => v.Values).ToList();
        var ready = all.Where(s => s.State == StepState.Ready && !s.CancelRequested && (s.NotBefore is null || s.NotBefore <= now))
            .OrderByDescending(s => runById[s.RunId].Priority).ThenBy(s => runById[s.RunId].CreatedAt).ThenBy(s => s.CreatedAt).ToList();
        if (ready.Count == 0) return [];
        PendingStep View(StepRecord s) => new($"{s.RunId}/{s.StepId}", s.Resources, s.Pool, runById[s.RunId].Tenant, runById[s.RunId].Queue,
            runById[s.RunId].Priority, s.CreatedAt)
        {
            Remaining = s.Resources.TimeLimit is { } limit ? limit - (s.StartedAt is { } t ? now - t : TimeSpan.Zero) : null,
            Placement = PlacementJson.Read(s.Assignment),
        };
        var running = all.Where(s => s.State.IsLaunched()).Select(View).ToList();
        var pending = ready.Select(View).ToList();
        var decisions = placement.Place(new PlacementSnapshot(_pools!, running, pending, now)).ToDictionary(d => d.Key, StringComparer.Ordinal);

        var placed = new List<StepRecord>();
        var stamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        foreach (var s in ready)
        {
            if (!decisions.TryGetValue($"{s.RunId}/{s.StepId}", out var d)) continue;
            if (d.NeverSchedulable)
                placed.Add(s with { State = StepState.Failed, FinishedAt = now, Message = $"never schedulable: {d.Reason}" });
            else if (d.Placement is { } p)
            {
                var attempt = s.Attempt + 1;
                // Tasks of one batch placed together on one pool share a launch (a Slurm job array).
                var launchKey = s.BatchId is null ? $"{s.RunId}/{s.StepId}/{attempt}" : $"{s.RunId}/{s.BatchId}/{p.Pool}/{attempt}/{stamp}";
                placed.Add(s with
                {
                    State = StepState.Placed, Attempt = attempt, Pool = p.Pool, Assignment = PlacementJson.Write(p), LaunchKey = launchKey,
                    ExternalId = null, ExitCode = null, StartedAt = null, FinishedAt = null, NotBefore = null, Message = null,
                });
            }
        }
        return placed;
    }

    private async Task LaunchAsync(IReadOnlyList<StepRecord> placed, CancellationToken ct)
    {
        foreach (var group in placed.GroupBy(s => s.LaunchKey!))
        {
            var steps = group.OrderBy(s => s.TaskIndex ?? 0).ToList();
            var executor = _executors[steps[0].Pool!];
            var launch = new Launch(group.Key, steps[0].Resources, steps.Select(s => new LaunchTask(TaskKey(s),
                [.. options.WorkerCommand, "worker", "step", "--run", s.RunId, "--step", s.StepId, "--attempt", s.Attempt.ToString(CultureInfo.InvariantCulture)],
                PlacementJson.Read(s.Assignment))).ToList()) { Env = options.WorkerEnv };
            List<StepRecord> updates;
            if (steps.Any(s => s.CancelRequested))
            {
                foreach (var h in await executor.FindAsync(launch.Key, ct)) await executor.CancelAsync(h, ct);
                updates = steps.Select(s => s with { State = StepState.Cancelled, FinishedAt = time.GetUtcNow(), Message = "cancelled before it started" }).ToList();
            }
            else
            {
                try
                {
                    var handles = await executor.SubmitAsync(launch, ct);
                    updates = steps.Select((s, i) => s with { ExternalId = handles[i].ExternalId }).ToList();
                    logger.LogInformation("launched {Key} on {Pool} as {Ids}", launch.Key, executor.Pool, string.Join(",", handles.Select(h => h.ExternalId)));
                }
                catch (GtsException e) when (e.Kind == ErrorKind.Infeasible)
                {
                    updates = steps.Select(s => s with { State = StepState.Failed, FinishedAt = time.GetUtcNow(), Message = e.Message }).ToList();
                }
            }
            // If this commit loses a race, the next cycle submits again under the same key and adopts the same tasks.
            await store.TryCommitAsync(new RunChange([], updates), ct);
        }
    }

    private async Task CancelAsync(IEnumerable<StepRecord> steps, CancellationToken ct)
    {
        foreach (var s in steps)
            if (_executors.TryGetValue(s.Pool!, out var executor))
                await executor.CancelAsync(new TaskHandle(TaskKey(s), s.ExternalId!), ct);
    }

    /// <summary>The executor's key for a step's current attempt.</summary>
    public static string TaskKey(StepRecord step) => $"{step.RunId}/{step.StepId}/{step.Attempt}";
}
