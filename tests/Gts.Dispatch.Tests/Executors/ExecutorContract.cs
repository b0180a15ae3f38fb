using Gts.Core.Errors;
using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Testing;

namespace Gts.Dispatch.Tests.Executors;

/// <summary>The one test suite every executor passes, on real processes or real Slurm daemons.</summary>
public abstract class ExecutorContract : IDisposable
{
    protected string WorkDir { get; } = Directory.CreateTempSubdirectory("gts-exec-").FullName;

    /// <summary>A fresh executor over the same pool and state; called again to simulate a dispatcher restart.</summary>
    protected abstract IExecutor CreateExecutor();

    /// <summary>GPUs one task may ask for on this pool.</summary>
    protected virtual int GpusPerNode => 4;

    public virtual void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { } // a job may still hold a log open
        GC.SuppressFinalize(this);
    }

    private static string NewKey(string what) => $"test/{what}/{Guid.NewGuid():N}";

    protected static Launch Shell(string key, string script, StepResources? resources = null) =>
        new(key, resources ?? StepResources.Default, [new LaunchTask(key + "#0", ["/bin/sh", "-c", script])]);

    protected static async Task<TaskObservation> WaitAsync(IExecutor executor, TaskHandle task, Func<TaskObservation, bool>? until = null, int seconds = 60)
    {
        until ??= o => o.IsFinished;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var o = (await executor.ObserveAsync([task], CancellationToken.None))[0];
            if (until(o)) return o;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"task {task.ExternalId} still {o.State} after {seconds} s");
            await Task.Delay(100);
        }
    }

    [ServiceFact]
    public async Task A_task_runs_to_success_and_its_output_is_captured()
    {
        var executor = CreateExecutor();
        var handles = await executor.SubmitAsync(Shell(NewKey("ok"), "echo hello-from-task; echo to-stderr >&2; echo GTS_MARK=$GTS_MARK") with
        {
            Env = new Dictionary<string, string> { ["GTS_MARK"] = "m42" },
        }, CancellationToken.None);

        var o = await WaitAsync(executor, Assert.Single(handles));

        Assert.Equal((ExecutorTaskState.Succeeded, 0), (o.State, o.ExitCode));
        Assert.NotNull(o.Nodes);
        var log = await executor.ReadLogAsync(handles[0], CancellationToken.None);
        Assert.Contains("hello-from-task", log, StringComparison.Ordinal);
        Assert.Contains("to-stderr", log, StringComparison.Ordinal);
        Assert.Contains("GTS_MARK=m42", log, StringComparison.Ordinal);
    }

    [ServiceFact]
    public async Task A_failing_task_reports_its_exit_code()
    {
        var executor = CreateExecutor();
        var task = Assert.Single(await executor.SubmitAsync(Shell(NewKey("fail"), "exit 3"), CancellationToken.None));
        var o = await WaitAsync(executor, task);
        Assert.Equal((ExecutorTaskState.Failed, 3), (o.State, o.ExitCode));
    }

    [ServiceFact]
    public async Task A_batch_runs_every_task_with_its_own_status_and_log()
    {
        var executor = CreateExecutor();
        var key = NewKey("batch");
        var tasks = Enumerable.Range(0, 4).Select(i =>
            new LaunchTask($"{key}#{i}", ["/bin/sh", "-c", $"echo batch-task-{i}; exit {(i == 2 ? 5 : 0)}"])).ToList();

        var handles = await executor.SubmitAsync(new Launch(key, StepResources.Default, tasks), CancellationToken.None);

        Assert.Equal(tasks.Select(t => t.Key), handles.Select(h => h.Key));
        Assert.Equal(4, handles.Select(h => h.ExternalId).Distinct().Count());
        for (int i = 0; i < 4; i++)
        {
            var o = await WaitAsync(executor, handles[i]);
            Assert.Equal(i == 2 ? ExecutorTaskState.Failed : ExecutorTaskState.Succeeded, o.State);
            Assert.Contains($"batch-task-{i}", await executor.ReadLogAsync(handles[i], CancellationToken.None), StringComparison.Ordinal);
        }
    }

    [ServiceFact]
    public async Task A_task_sees_exactly_the_gpus_it_asked_for()
    {
        var executor = CreateExecutor();
        var task = Assert.Single(await executor.SubmitAsync(
            Shell(NewKey("gpu"), "echo CVD=$CUDA_VISIBLE_DEVICES", new StepResources(Gpus: 2)), CancellationToken.None));
        Assert.Equal(ExecutorTaskState.Succeeded, (await WaitAsync(executor, task)).State);

        var log = await executor.ReadLogAsync(task, CancellationToken.None);
        var line = log.Split('\n').Single(l => l.StartsWith("CVD=", StringComparison.Ordinal));
        Assert.Equal(2, line["CVD=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).Distinct().Count());
    }

    [ServiceFact]
    public async Task Cancelling_a_running_task_stops_it()
    {
        var executor = CreateExecutor();
        var task = Assert.Single(await executor.SubmitAsync(Shell(NewKey("cancel"), "echo started; sleep 300"), CancellationToken.None));
        await WaitAsync(executor, task, o => o.State == ExecutorTaskState.Running);

        await executor.CancelAsync(task, CancellationToken.None);

        Assert.Equal(ExecutorTaskState.Cancelled, (await WaitAsync(executor, task, seconds: 30)).State);
        await executor.CancelAsync(task, CancellationToken.None); // cancelling again is harmless
    }

    [ServiceFact]
    public async Task After_a_restart_the_executor_finds_and_observes_what_was_submitted()
    {
        var key = NewKey("restart");
        var before = Assert.Single(await CreateExecutor().SubmitAsync(Shell(key, "sleep 1; echo survived"), CancellationToken.None));

        var restarted = CreateExecutor();
        var found = await restarted.FindAsync(key, CancellationToken.None);

        Assert.Equal([before], found);
        Assert.Equal(ExecutorTaskState.Succeeded, (await WaitAsync(restarted, found[0])).State);
        Assert.Contains("survived", await restarted.ReadLogAsync(found[0], CancellationToken.None), StringComparison.Ordinal);
    }

    [ServiceFact]
    public async Task Submitting_the_same_launch_key_twice_runs_it_once()
    {
        var executor = CreateExecutor();
        var marker = Path.Combine(WorkDir, "runs.txt");
        var launch = Shell(NewKey("twice"), $"echo run >> {marker}");
        var first = await executor.SubmitAsync(launch, CancellationToken.None);
        var second = await CreateExecutor().SubmitAsync(launch, CancellationToken.None);

        Assert.Equal(first, second);
        await WaitAsync(executor, first[0]);
        Assert.Single(File.ReadAllLines(marker));
    }

    [ServiceFact]
    public async Task Unknown_launches_are_not_found_and_unknown_tasks_are_lost()
    {
        var executor = CreateExecutor();
        Assert.Empty(await executor.FindAsync(NewKey("never"), CancellationToken.None));
        var o = await executor.ObserveAsync([new TaskHandle("k", UnknownExternalId)], CancellationToken.None);
        Assert.Equal(ExecutorTaskState.Lost, o[0].State);
    }

    /// <summary>An id in this executor's format that it never issued.</summary>
    protected abstract string UnknownExternalId { get; }

    [ServiceFact]
    public async Task A_gang_wider_than_the_pool_is_refused_as_infeasible()
    {
        var executor = CreateExecutor();
        var pool = await executor.DescribeAsync(CancellationToken.None);
        var nodes = pool.Nodes.Count();
        var e = await Assert.ThrowsAsync<GtsException>(() =>
            executor.SubmitAsync(Shell(NewKey("wide"), "true", new StepResources(Nodes: nodes + 1)), CancellationToken.None));
        Assert.Equal(ErrorKind.Infeasible, e.Kind);
        Assert.NotNull(e.Fix);
    }

    [ServiceFact]
    public async Task The_pool_describes_its_nodes()
    {
        var pool = await CreateExecutor().DescribeAsync(CancellationToken.None);
        Assert.NotEmpty(pool.Nodes);
        Assert.All(pool.Nodes, n => Assert.True(n.CpuMilli >= 1000));
        Assert.True(pool.GpuCount >= GpusPerNode);
    }
}
