using Gts.Core.Runs;
using Gts.Dispatch.Executors.Local;
using Gts.Dispatch.Orchestration;
using Gts.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gts.Bench.Dispatch;

/// <summary>Our scheduler: each job is a run of one sleep step submitted at its arrival; the gts dispatcher
/// (Level 1/2 scheduling cycle, FIFO with backfill on the same time limits) places it on a local pool shaped like
/// the Slurm cluster, and the local executor runs `gts worker step`. JCT = step end (exit-file time) − submit.</summary>
internal static class GtsMode
{
    public static async Task<List<double>> RunAsync(List<TraceJob> jobs, string home, IReadOnlyList<string> worker, int nodes, int gpusPerNode, int cpusPerNode, CancellationToken ct)
    {
        var db = Path.Combine(home, "gts.db");
        await using var store = new SqliteMetadataStore(db);
        await store.InitializeAsync(ct);
        var executor = new LocalExecutor(new LocalExecutorOptions(Path.Combine(home, "executors", "local")) { Nodes = nodes, Gpus = gpusPerNode, Cpus = cpusPerNode });
        var options = new DispatcherOptions(worker)
        {
            WorkerEnv = new Dictionary<string, string> { ["GTS_HOME"] = home, ["GTS_DATABASE"] = db },
            Interval = TimeSpan.FromMilliseconds(200),
        };
        var dispatcher = new Dispatcher(store, [executor], ScheduledPlacement.Default, options, TimeProvider.System, NullLogger.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loop = dispatcher.RunAsync(stop.Token);

        var start = DateTimeOffset.UtcNow;
        var submitted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var j in jobs)
        {
            var due = start.AddSeconds(j.SubmitS) - DateTimeOffset.UtcNow;
            if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            var (perNode, n) = j.Shape(gpusPerNode);
            var spec = new RunSpec($"philly-{j.Id}", [new StepSpec("job", "sleep")
            {
                Args = new Dictionary<string, string> { ["seconds"] = j.DurationS.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                Resources = new StepResources(1, 0, perNode, n, TimeSpan.FromMinutes(j.LimitMinutes)),
                MaxAttempts = 1,
            }]);
            var id = $"j{j.Id}";
            var (run, steps) = RunPlanner.Plan(id, spec, DateTimeOffset.UtcNow);
            submitted[id] = run.CreatedAt;
            await store.CreateRunAsync(run, steps, ct);
        }
        while ((await store.GetActiveRunsAsync(ct)).Count > 0) await Task.Delay(500, ct);
        await stop.CancelAsync();
        try { await loop; } catch (OperationCanceledException) { }

        var jct = new List<double>();
        foreach (var j in jobs)
        {
            var step = (await store.GetStepAsync($"j{j.Id}", "job", ct))!;
            if (step.State != StepState.Succeeded) Console.Error.WriteLine($"gts: job {j.Id} ended {step.State}: {step.Message}");
            jct.Add((step.FinishedAt!.Value - submitted[$"j{j.Id}"]).TotalSeconds);
        }
        return jct;
    }
}
