using System.Collections.Concurrent;
using System.Diagnostics;
using Gts.Core.Compute;
using Gts.Core.Errors;
using Gts.Core.Execution;

namespace Gts.Dispatch.Executors.Local;

/// <summary>Runs tasks as child processes of this machine. Each task gets its own session and process group
/// (setsid) and a directory of files that outlive the dispatcher (see <see cref="LocalTaskDirectory"/>), so a
/// restarted dispatcher finds running tasks, their logs and their exit codes. GPUs are handed out through
/// CUDA_VISIBLE_DEVICES; cancelling kills the whole process group.</summary>
public sealed class LocalExecutor : IExecutor
{
    // The shell writes its own pid and start time first (so the task can be found even if the dispatcher dies
    // right after the spawn), runs the command with output to the log, then writes the exit code atomically.
    private const string Wrapper =
        "d=\"$0\"; echo \"$$ $(cut -d' ' -f22 /proc/$$/stat)\" > \"$d/pid.tmp\" && mv \"$d/pid.tmp\" \"$d/pid\"; " +
        "\"$@\" > \"$d/log\" 2>&1 < /dev/null; c=$?; echo $c > \"$d/exit.tmp\"; mv \"$d/exit.tmp\" \"$d/exit\"";

    /// <summary>A task directory without a pid this long after creation is counted as lost.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(30);

    private readonly LocalExecutorOptions _options;
    private readonly ConcurrentDictionary<string, Process> _children = new(StringComparer.Ordinal);

    public LocalExecutor(LocalExecutorOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        System.IO.Directory.CreateDirectory(_options.Root);
    }

    public string Pool => _options.Pool;

    public Task<ComputePool> DescribeAsync(CancellationToken cancellationToken)
    {
        var nodes = Enumerable.Range(0, Math.Max(1, _options.Nodes))
            .Select(i => ComputeNode.Uniform(_options.Nodes <= 1 ? Environment.MachineName : $"{Environment.MachineName}-{i}",
                _options.Gpus, _options.GpuType, _options.GpuMemoryMib, _options.Cpus * 1000, _options.MemoryMib))
            .ToList();
        return Task.FromResult(new ComputePool(Pool, PoolKind.Local, 0, 0, [new NetworkSwitch("local", nodes)]));
    }

    public async Task<IReadOnlyList<TaskHandle>> SubmitAsync(Launch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        CheckFits(launch);
        var existing = await FindAsync(launch.Key, cancellationToken);
        if (existing.Count > 0) return existing; // submitted before (idempotent by key)

        var launchDir = Path.Combine(_options.Root, LaunchKeys.SafeName(launch.Key));
        var staging = launchDir + ".staging-" + Guid.NewGuid().ToString("N");
        System.IO.Directory.CreateDirectory(staging);
        for (int i = 0; i < launch.Tasks.Count; i++)
        {
            var dir = Path.Combine(staging, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            System.IO.Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "key"), launch.Tasks[i].Key, cancellationToken);
        }
        // The launch directory appears complete or not at all.
        System.IO.Directory.Move(staging, launchDir);

        var handles = new List<TaskHandle>(launch.Tasks.Count);
        for (int i = 0; i < launch.Tasks.Count; i++)
        {
            var externalId = $"{Path.GetFileName(launchDir)}/{i}";
            Start(launch, launch.Tasks[i], new LocalTaskDirectory(Path.Combine(_options.Root, externalId)));
            handles.Add(new TaskHandle(launch.Tasks[i].Key, externalId));
        }
        return handles;
    }

    public Task<IReadOnlyList<TaskObservation>> ObserveAsync(IReadOnlyList<TaskHandle> tasks, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskObservation>>(tasks.Select(Observe).ToList());

    public async Task CancelAsync(TaskHandle task, CancellationToken cancellationToken)
    {
        var dir = TaskDirectory(task);
        if (!dir.Exists || dir.ExitCode is not null) return;
        await File.WriteAllTextAsync(dir.CancelledFile, "", cancellationToken);
        if (dir.Process is not { } p || !dir.IsAlive) return;
        ProcessGroups.Signal(p.Pid, ProcessGroups.SigTerm);
        var deadline = DateTime.UtcNow + _options.KillGrace;
        while (ProcessGroups.Exists(p.Pid) && DateTime.UtcNow < deadline)
            await Task.Delay(50, cancellationToken);
        ProcessGroups.Signal(p.Pid, ProcessGroups.SigKill);
    }

    public async Task<string> ReadLogAsync(TaskHandle task, CancellationToken cancellationToken)
    {
        var dir = TaskDirectory(task);
        if (!File.Exists(dir.LogFile)) return "";
        await using var s = new FileStream(dir.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return await new StreamReader(s).ReadToEndAsync(cancellationToken);
    }

    public Task<IReadOnlyList<TaskHandle>> FindAsync(string launchKey, CancellationToken cancellationToken)
    {
        var launchDir = Path.Combine(_options.Root, LaunchKeys.SafeName(launchKey));
        if (!System.IO.Directory.Exists(launchDir)) return Task.FromResult<IReadOnlyList<TaskHandle>>([]);
        var handles = System.IO.Directory.GetDirectories(launchDir)
            .Select(d => (Index: int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture), Dir: new LocalTaskDirectory(d)))
            .OrderBy(t => t.Index)
            .Select(t => new TaskHandle(t.Dir.Key ?? "", $"{Path.GetFileName(launchDir)}/{t.Index}"))
            .ToList();
        return Task.FromResult<IReadOnlyList<TaskHandle>>(handles);
    }

    private void CheckFits(Launch launch)
    {
        var r = launch.Resources;
        string? why = r.Nodes > Math.Max(1, _options.Nodes) ? $"it asks for {r.Nodes} nodes and the local pool has {Math.Max(1, _options.Nodes)}"
            : r.Gpus > _options.Gpus ? $"it asks for {r.Gpus} GPUs and this machine offers {_options.Gpus}"
            : r.Cpus > _options.Cpus ? $"it asks for {r.Cpus} CPUs and this machine offers {_options.Cpus}"
            : null;
        if (why is not null)
            throw new GtsException(ErrorKind.Infeasible, $"Launch '{launch.Key}' can never run on pool '{Pool}': {why}.",
                "Lower the step's resources, or run it on a pool that is large enough (a Slurm pool).");
    }

    private void Start(Launch launch, LaunchTask task, LocalTaskDirectory dir)
    {
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = false };
        foreach (var arg in (string[])["/bin/sh", "-c", Wrapper, dir.Path]) info.ArgumentList.Add(arg);
        foreach (var arg in task.Command) info.ArgumentList.Add(arg);
        foreach (var (k, v) in launch.Env) info.Environment[k] = v;
        var gpus = task.Placement?.Nodes.FirstOrDefault()?.GpuIndices ?? Enumerable.Range(0, launch.Resources.Gpus).ToList();
        info.Environment["CUDA_VISIBLE_DEVICES"] = string.Join(',', gpus);
        info.Environment["GTS_CPUS"] = launch.Resources.Cpus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["OMP_NUM_THREADS"] = info.Environment["GTS_CPUS"];
        info.Environment["GTS_TASK_KEY"] = task.Key;
        var process = Process.Start(info) ?? throw new GtsException(ErrorKind.External, $"Could not start a process for task '{task.Key}'.", "Check that setsid and /bin/sh exist.");
        // Keep the Process so the runtime reaps the child when it exits; dropped once it has.
        _children[dir.Path] = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => { if (_children.TryRemove(dir.Path, out var p)) p.Dispose(); };
    }

    private TaskObservation Observe(TaskHandle task)
    {
        var dir = TaskDirectory(task);
        if (!dir.Exists) return new TaskObservation(task, ExecutorTaskState.Lost) { Reason = "no such task on this machine" };
        var node = Environment.MachineName;
        if (dir.ExitCode is { } code)
        {
            var state = dir.Cancelled ? ExecutorTaskState.Cancelled : code == 0 ? ExecutorTaskState.Succeeded : ExecutorTaskState.Failed;
            return new TaskObservation(task, state) { ExitCode = code, Nodes = node, StartedAt = dir.StartedAt, EndedAt = dir.EndedAt };
        }
        if (dir.IsAlive) return new TaskObservation(task, ExecutorTaskState.Running) { Nodes = node, StartedAt = dir.StartedAt };
        if (dir.Cancelled) return new TaskObservation(task, ExecutorTaskState.Cancelled) { Nodes = node, StartedAt = dir.StartedAt, Reason = "cancelled" };
        if (dir.Process is null && DateTimeOffset.UtcNow - dir.CreatedAt < StartGrace)
            return new TaskObservation(task, ExecutorTaskState.Queued);
        return new TaskObservation(task, ExecutorTaskState.Lost) { Nodes = node, StartedAt = dir.StartedAt, Reason = "the task's process ended without an exit code (killed)" };
    }

    private LocalTaskDirectory TaskDirectory(TaskHandle task)
    {
        if (task.ExternalId.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(task.ExternalId))
            throw new ArgumentException($"'{task.ExternalId}' is not a local task id.", nameof(task));
        return new LocalTaskDirectory(Path.Combine(_options.Root, task.ExternalId));
    }
}
