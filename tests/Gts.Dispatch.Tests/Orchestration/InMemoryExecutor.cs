using System.Collections.Concurrent;
using Gts.Core.Compute;
using Gts.Core.Execution;
using Gts.Core.Store;
using Gts.Dispatch.Steps;
using Gts.Dispatch.Worker;

namespace Gts.Dispatch.Tests.Orchestration;

/// <summary>A test executor that runs `worker step` commands in-process with the real worker when they are
/// submitted, except step ids listed in Hold, which stay running until cancelled. It remembers launches by
/// key like a real executor, and can simulate a dispatcher crash right after a submission.</summary>
internal sealed class InMemoryExecutor(IMetadataStore store, IArtifactStore artifacts, TimeProvider time) : IExecutor
{
    private readonly ConcurrentDictionary<string, List<TaskHandle>> _launches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskObservation> _tasks = new(StringComparer.Ordinal);

    public string Pool => "mem";
    public HashSet<string> Hold { get; } = new(StringComparer.Ordinal);
    public int Submissions { get; private set; }
    public bool CrashAfterNextSubmit { get; set; }

    public Task<ComputePool> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ComputePool(Pool, PoolKind.Local, 0, 0, [new NetworkSwitch("s", [ComputeNode.Uniform("m0", 2, "gpu", 16_000, 4000, 64_000)])]));

    public async Task<IReadOnlyList<TaskHandle>> SubmitAsync(Launch launch, CancellationToken cancellationToken)
    {
        if (_launches.TryGetValue(launch.Key, out var known)) return known;
        Submissions++;
        var handles = new List<TaskHandle>();
        foreach (var task in launch.Tasks)
        {
            var handle = new TaskHandle(task.Key, $"mem-{_tasks.Count}");
            handles.Add(handle);
            string Arg(string name) => task.Command[task.Command.ToList().IndexOf(name) + 1];
            if (Hold.Contains(Arg("--step")))
            {
                _tasks[handle.ExternalId] = new TaskObservation(handle, ExecutorTaskState.Running);
                continue;
            }
            var worker = new StepWorker(store, artifacts, StepCatalog.Builtin(), time);
            var code = await worker.RunAsync(Arg("--run"), Arg("--step"), int.Parse(Arg("--attempt"), System.Globalization.CultureInfo.InvariantCulture), TextWriter.Null, cancellationToken);
            _tasks[handle.ExternalId] = new TaskObservation(handle, code == 0 ? ExecutorTaskState.Succeeded : ExecutorTaskState.Failed) { ExitCode = code };
        }
        _launches[launch.Key] = handles;
        if (CrashAfterNextSubmit)
        {
            CrashAfterNextSubmit = false;
            throw new OperationCanceledException("simulated dispatcher crash after submit");
        }
        return handles;
    }

    public Task<IReadOnlyList<TaskObservation>> ObserveAsync(IReadOnlyList<TaskHandle> tasks, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskObservation>>(tasks.Select(t => _tasks.TryGetValue(t.ExternalId, out var o) ? o with { Task = t } : new TaskObservation(t, ExecutorTaskState.Lost)).ToList());

    public Task CancelAsync(TaskHandle task, CancellationToken cancellationToken)
    {
        if (_tasks.TryGetValue(task.ExternalId, out var o) && !o.IsFinished) _tasks[task.ExternalId] = o with { State = ExecutorTaskState.Cancelled };
        return Task.CompletedTask;
    }

    public Task<string> ReadLogAsync(TaskHandle task, CancellationToken cancellationToken) => Task.FromResult("");

    public Task<IReadOnlyList<TaskHandle>> FindAsync(string launchKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskHandle>>(_launches.TryGetValue(launchKey, out var h) ? h : []);
}
