using System.Collections.Concurrent;
using System.Globalization;
using Gts.Core.Compute;
using Gts.Core.Errors;
using Gts.Core.Execution;

namespace Gts.Dispatch.Executors.Slurm;

/// <summary>A pool that is a real Slurm cluster, driven through its command-line tools: sbatch (a job array
/// for a batch, -N for a gang), squeue and scontrol for status (sacct once a job has aged out of the
/// controller), scancel. The job name is the launch key, so a restarted dispatcher finds its jobs with squeue.</summary>
public sealed class SlurmExecutor : IExecutor
{
    private readonly SlurmExecutorOptions _options;
    private readonly SlurmCli _cli;
    private readonly ConcurrentDictionary<string, TaskObservation> _finished = new(StringComparer.Ordinal);
    private ComputePool? _pool;

    public SlurmExecutor(SlurmExecutorOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _cli = new SlurmCli(options);
        Directory.CreateDirectory(LogDir);
    }

    public string Pool => _options.Pool;

    private string LogDir => Path.Combine(_options.WorkDir, "logs");

    public async Task<ComputePool> DescribeAsync(CancellationToken cancellationToken)
    {
        var args = new List<string> { "-h", "-N", "-o", "%N|%c|%m|%G" };
        if (_options.Partition is not null) args.AddRange(["-p", _options.Partition]);
        var nodes = new Dictionary<string, ComputeNode>(StringComparer.Ordinal);
        foreach (var line in Lines(await _cli.RunCheckedAsync("sinfo", args, cancellationToken)))
        {
            var f = line.Split('|');
            if (f.Length < 4 || nodes.ContainsKey(f[0])) continue;
            var (gpus, type) = ParseGres(f[3]);
            nodes[f[0]] = ComputeNode.Uniform(f[0], gpus, type ?? "gpu", 16 * 1024,
                int.Parse(f[1], CultureInfo.InvariantCulture) * 1000, long.Parse(f[2].TrimEnd('+'), CultureInfo.InvariantCulture));
        }
        return new ComputePool(Pool, PoolKind.Slurm, 0, 0, [new NetworkSwitch(Pool, nodes.Values.ToList())]);
    }

    public async Task<IReadOnlyList<TaskHandle>> SubmitAsync(Launch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (launch.Tasks.Count == 0) throw new ArgumentException($"Launch '{launch.Key}' has no tasks.", nameof(launch));
        var existing = await FindAsync(launch.Key, cancellationToken);
        if (existing.Count > 0) return existing; // submitted before (idempotent by key)
        await CheckFitsAsync(launch, cancellationToken);

        var name = LaunchKeys.SafeName(launch.Key);
        var dir = Path.Combine(_options.WorkDir, name);
        Directory.CreateDirectory(dir);
        await File.WriteAllLinesAsync(Path.Combine(dir, "tasks"), launch.Tasks.Select(t => t.Key), cancellationToken);
        var script = Path.Combine(dir, "job.sh");
        await File.WriteAllTextAsync(script, SlurmJobScript.For(launch), cancellationToken);

        var array = launch.Tasks.Count > 1;
        var r = launch.Resources;
        var args = new List<string>
        {
            "--parsable", $"--job-name={name}", $"--chdir={dir}", "--export=ALL",
            $"--output={Path.Combine(LogDir, array ? "%A_%a.log" : "%j.log")}",
            $"--cpus-per-task={r.Cpus}", $"--nodes={r.Nodes}",
        };
        if (r.Nodes > 1) args.Add("--ntasks-per-node=1");
        if (r.MemoryMb > 0) args.Add($"--mem={r.MemoryMb}");
        if (r.Gpus > 0) args.Add($"--gres=gpu:{r.Gpus}");
        if (r.TimeLimit is { } limit) args.Add($"--time={Math.Max(1, (int)Math.Ceiling(limit.TotalMinutes))}");
        if (array) args.Add($"--array=0-{launch.Tasks.Count - 1}");
        if (_options.Partition is not null) args.Add($"--partition={_options.Partition}");
        if (_options.PinNodes && !array && launch.Tasks[0].Placement is { } p)
            args.Add($"--nodelist={string.Join(',', p.Nodes.Select(n => n.Node))}");
        args.AddRange(_options.ExtraSbatchArgs);
        args.Add(script);

        var result = await _cli.RunAsync("sbatch", args, cancellationToken, launch.Env);
        if (result.ExitCode != 0)
        {
            var error = result.StandardError.Trim();
            var never = error.Contains("Requested node configuration is not available", StringComparison.Ordinal)
                || error.Contains("Node count specification invalid", StringComparison.Ordinal)
                || error.Contains("More processors requested than permitted", StringComparison.Ordinal);
            throw new GtsException(never ? ErrorKind.Infeasible : ErrorKind.External,
                $"Slurm pool '{Pool}' refused launch '{launch.Key}': {error}",
                never ? "Lower the step's nodes, GPUs or CPUs to what one node of the cluster has (sinfo -N)." : "Check the cluster with sinfo and the sbatch arguments above.");
        }
        var jobId = result.StandardOutput.Trim().Split(';')[0];
        return launch.Tasks.Select((t, i) => new TaskHandle(t.Key, array ? $"{jobId}_{i}" : jobId)).ToList();
    }

    // Slurm accepts a job wider than the partition and leaves it pending for ever (reason PartitionConfig);
    // checking against sinfo first turns that into an immediate, explained refusal.
    private async Task CheckFitsAsync(Launch launch, CancellationToken ct)
    {
        _pool ??= await DescribeAsync(ct);
        var nodes = _pool.Nodes.ToList();
        var r = launch.Resources;
        var fitting = nodes.Count(n => n.Gpus.Count >= r.Gpus && n.CpuMilli >= r.Cpus * 1000 && n.MemoryMib >= r.MemoryMb);
        if (fitting < r.Nodes)
            throw new GtsException(ErrorKind.Infeasible,
                $"Launch '{launch.Key}' can never run on Slurm pool '{Pool}': it needs {r.Nodes} node(s) with {r.Gpus} GPUs, {r.Cpus} CPUs and {r.MemoryMb} MB each, and {fitting} of the {nodes.Count} nodes have that.",
                "Lower the step's nodes, GPUs, CPUs or memory to what the cluster's nodes have (sinfo -N -o '%N %c %m %G').");
    }

    public async Task<IReadOnlyList<TaskObservation>> ObserveAsync(IReadOnlyList<TaskHandle> tasks, CancellationToken cancellationToken)
    {
        if (tasks.All(t => _finished.ContainsKey(t.ExternalId)))
            return tasks.Select(t => _finished[t.ExternalId] with { Task = t }).ToList();
        var queue = await SqueueAsync(cancellationToken);
        var observations = new List<TaskObservation>(tasks.Count);
        foreach (var task in tasks)
        {
            if (_finished.TryGetValue(task.ExternalId, out var done)) { observations.Add(done with { Task = task }); continue; }
            var o = queue.TryGetValue(task.ExternalId, out var row) ? await FromQueueAsync(task, row, cancellationToken)
                : await FromAccountingAsync(task, cancellationToken);
            if (o.IsFinished) _finished[task.ExternalId] = o;
            observations.Add(o);
        }
        return observations;
    }

    public async Task CancelAsync(TaskHandle task, CancellationToken cancellationToken)
    {
        var r = await _cli.RunAsync("scancel", [task.ExternalId], cancellationToken);
        if (r.ExitCode != 0 && !r.StandardError.Contains("completed", StringComparison.OrdinalIgnoreCase)
            && !r.StandardError.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            throw new GtsException(ErrorKind.External, $"scancel {task.ExternalId} failed on Slurm pool '{Pool}': {r.StandardError.Trim()}", "Check the cluster with squeue.");
    }

    public async Task<string> ReadLogAsync(TaskHandle task, CancellationToken cancellationToken)
    {
        var path = Path.Combine(LogDir, task.ExternalId + ".log");
        if (task.ExternalId.Contains('/', StringComparison.Ordinal) || !File.Exists(path)) return "";
        await using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return await new StreamReader(s).ReadToEndAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TaskHandle>> FindAsync(string launchKey, CancellationToken cancellationToken)
    {
        var name = LaunchKeys.SafeName(launchKey);
        var tasksFile = Path.Combine(_options.WorkDir, name, "tasks");
        if (!File.Exists(tasksFile)) return [];
        var keys = await File.ReadAllLinesAsync(tasksFile, cancellationToken);
        var q = await _cli.RunAsync("squeue", ["-h", "-r", "-t", "all", $"--name={name}", "-o", "%i"], cancellationToken);
        var ids = q.ExitCode == 0 ? Lines(q.StandardOutput).ToList() : [];
        if (ids.Count == 0)
        {
            var a = await _cli.RunAsync("sacct", ["-n", "-X", "-P", $"--name={name}", "-o", "JobID", "-S", "now-7days"], cancellationToken);
            if (a.ExitCode == 0) ids = Lines(a.StandardOutput).ToList();
        }
        if (ids.Count == 0) return [];
        var jobId = ids[0].Split('_')[0];
        return keys.Length == 1 && !ids[0].Contains('_', StringComparison.Ordinal)
            ? [new TaskHandle(keys[0], jobId)]
            : keys.Select((k, i) => new TaskHandle(k, $"{jobId}_{i}")).ToList();
    }

    private sealed record QueueRow(string State, string Nodes, DateTimeOffset? Start, DateTimeOffset? End);

    private async Task<Dictionary<string, QueueRow>> SqueueAsync(CancellationToken ct)
    {
        var output = await _cli.RunCheckedAsync("squeue", ["-h", "-r", "-t", "all", "-o", "%i|%T|%N|%S|%e"], ct);
        var rows = new Dictionary<string, QueueRow>(StringComparer.Ordinal);
        foreach (var line in Lines(output))
        {
            var f = line.Split('|');
            if (f.Length >= 5) rows[f[0]] = new QueueRow(f[1], f[2], Time(f[3]), Time(f[4]));
        }
        return rows;
    }

    private async Task<TaskObservation> FromQueueAsync(TaskHandle task, QueueRow row, CancellationToken ct)
    {
        var state = SlurmJobState.Map(row.State);
        var o = new TaskObservation(task, state) { Nodes = row.Nodes.Length > 0 ? row.Nodes : null, StartedAt = row.Start };
        if (state is ExecutorTaskState.Queued or ExecutorTaskState.Running) return o;
        int? code = state == ExecutorTaskState.Succeeded ? 0 : null;
        if (state == ExecutorTaskState.Failed)
        {
            var show = await _cli.RunAsync("scontrol", ["-o", "show", "job", task.ExternalId], ct);
            code = Field(show.StandardOutput, "ExitCode") is { } ec ? ExitCode(ec) : null;
        }
        return o with { ExitCode = code, EndedAt = row.End, Reason = state == ExecutorTaskState.Succeeded ? null : row.State };
    }

    private async Task<TaskObservation> FromAccountingAsync(TaskHandle task, CancellationToken ct)
    {
        var a = await _cli.RunAsync("sacct", ["-n", "-X", "-P", "-j", task.ExternalId, "-o", "JobID,State,ExitCode,NodeList,Start,End"], ct);
        var row = a.ExitCode == 0 ? Lines(a.StandardOutput).Select(l => l.Split('|')).FirstOrDefault(f => f.Length >= 6 && f[0] == task.ExternalId) : null;
        if (row is null)
            return new TaskObservation(task, ExecutorTaskState.Lost) { Reason = $"Slurm has no job {task.ExternalId} (not in squeue, not in accounting)" };
        var state = SlurmJobState.Map(row[1]);
        return new TaskObservation(task, state)
        {
            ExitCode = state is ExecutorTaskState.Queued or ExecutorTaskState.Running ? null : ExitCode(row[2]),
            Nodes = row[3], StartedAt = Time(row[4]), EndedAt = Time(row[5]), Reason = state == ExecutorTaskState.Succeeded ? null : row[1],
        };
    }

    private static (int Gpus, string? Type) ParseGres(string gres)
    {
        foreach (var item in gres.Split(','))
        {
            var parts = item.Split('(')[0].Split(':');
            if (parts[0] != "gpu") continue;
            if (parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n)) return (n, null);
            if (parts.Length >= 3 && int.TryParse(parts[^1], CultureInfo.InvariantCulture, out var m)) return (m, parts[1]);
        }
        return (0, null);
    }

    private static string? Field(string scontrolLine, string name)
    {
        foreach (var token in scontrolLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (token.StartsWith(name + "=", StringComparison.Ordinal)) return token[(name.Length + 1)..];
        return null;
    }

    private static int? ExitCode(string slurmExit) =>
        int.TryParse(slurmExit.Split(':')[0], CultureInfo.InvariantCulture, out var c) ? c : null;

    private static DateTimeOffset? Time(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var t) ? new DateTimeOffset(t) : null;

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
