using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Dispatch.Executors.Slurm;

namespace Gts.Bench.Dispatch;

/// <summary>Slurm's own scheduler: each job is sbatch'ed at its arrival with its GPUs, nodes and time limit, and
/// Slurm (sched/backfill, cons_tres) decides when and where it runs. JCT = end (from squeue) − submit.</summary>
internal static class SlurmMode
{
    public static async Task<List<double>> RunAsync(List<TraceJob> jobs, string slurmConf, string workDir, int gpusPerNode, CancellationToken ct)
    {
        var executor = new SlurmExecutor(new SlurmExecutorOptions(workDir) { SlurmConf = slurmConf, Pool = "slurm" });
        var start = DateTimeOffset.UtcNow;
        var submitted = new List<(TraceJob Job, DateTimeOffset At, TaskHandle Handle)>();
        var finished = new Dictionary<string, double>(StringComparer.Ordinal);
        var run = Guid.NewGuid().ToString("N")[..8];
        int next = 0;
        while (finished.Count < jobs.Count)
        {
            var now = DateTimeOffset.UtcNow;
            for (; next < jobs.Count && start.AddSeconds(jobs[next].SubmitS) <= now; next++)
            {
                var j = jobs[next];
                var (perNode, nodes) = j.Shape(gpusPerNode);
                var launch = new Launch($"bench/{run}/{j.Id}", new StepResources(1, 0, perNode, nodes, TimeSpan.FromMinutes(j.LimitMinutes)),
                    [new LaunchTask($"bench/{run}/{j.Id}#0", ["sleep", j.DurationS.ToString(System.Globalization.CultureInfo.InvariantCulture)])]);
                var at = DateTimeOffset.UtcNow;
                submitted.Add((j, at, (await executor.SubmitAsync(launch, ct))[0]));
            }
            var open = submitted.Where(s => !finished.ContainsKey(s.Handle.ExternalId)).ToList();
            if (open.Count > 0)
                foreach (var o in await executor.ObserveAsync(open.Select(s => s.Handle).ToList(), ct))
                    if (o.IsFinished)
                    {
                        var s = open.First(x => x.Handle.ExternalId == o.Task.ExternalId);
                        if (o.State != ExecutorTaskState.Succeeded) Console.Error.WriteLine($"slurm: job {s.Job.Id} ended {o.State}: {o.Reason}");
                        finished[o.Task.ExternalId] = ((o.EndedAt ?? DateTimeOffset.UtcNow) - s.At).TotalSeconds;
                    }
            await Task.Delay(500, ct);
        }
        return submitted.Select(s => finished[s.Handle.ExternalId]).ToList();
    }
}
