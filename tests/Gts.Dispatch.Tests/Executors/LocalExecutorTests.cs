using Gts.Core.Compute;
using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Dispatch.Executors.Local;

namespace Gts.Dispatch.Tests.Executors;

/// <summary>The executor contract on local child processes, plus what only a local pool can show.</summary>
public sealed class LocalExecutorTests : ExecutorContract
{
    protected override IExecutor CreateExecutor() => new LocalExecutor(new LocalExecutorOptions(WorkDir) { Cpus = 8, Gpus = 4, KillGrace = TimeSpan.FromSeconds(1) });

    protected override string UnknownExternalId => "gts-none-0000000000/0";

    [Fact]
    public async Task Cancelling_kills_the_whole_process_tree()
    {
        var executor = CreateExecutor();
        var child = Path.Combine(WorkDir, "child.pid");
        var task = Assert.Single(await executor.SubmitAsync(Shell("tree", $"sh -c 'sleep 300 & echo $! > {child}; wait' & wait"), CancellationToken.None));
        await WaitAsync(executor, task, _ => File.Exists(child) && File.ReadAllText(child).Trim().Length > 0);
        var grandchild = int.Parse(File.ReadAllText(child).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        await executor.CancelAsync(task, CancellationToken.None);

        Assert.Equal(ExecutorTaskState.Cancelled, (await WaitAsync(executor, task)).State);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (File.Exists($"/proc/{grandchild}/stat") && !File.ReadAllText($"/proc/{grandchild}/stat").Contains(") Z ", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.True(!File.Exists($"/proc/{grandchild}/stat") || File.ReadAllText($"/proc/{grandchild}/stat").Contains(") Z ", StringComparison.Ordinal),
            $"grandchild {grandchild} survived the cancel");
    }

    [Fact]
    public async Task The_placed_gpus_become_cuda_visible_devices()
    {
        var executor = CreateExecutor();
        var placement = new Placement("local", [new NodeAllocation("local", Environment.MachineName, 1000, 0, [1, 3])]);
        var launch = new Launch("placed", new StepResources(Gpus: 2), [new LaunchTask("placed#0", ["/bin/sh", "-c", "echo CVD=$CUDA_VISIBLE_DEVICES"], placement)]);

        var task = Assert.Single(await executor.SubmitAsync(launch, CancellationToken.None));
        await WaitAsync(executor, task);

        Assert.Contains("CVD=1,3", await executor.ReadLogAsync(task, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_killed_behind_the_executors_back_is_lost()
    {
        var executor = CreateExecutor();
        var task = Assert.Single(await executor.SubmitAsync(Shell("killed", "sleep 300"), CancellationToken.None));
        await WaitAsync(executor, task, o => o.State == ExecutorTaskState.Running);
        var pid = int.Parse(File.ReadAllText(Path.Combine(WorkDir, task.ExternalId, "pid")).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", "--", $"-{pid}"])) await kill.WaitForExitAsync();

        var o = await WaitAsync(executor, task);
        Assert.Equal(ExecutorTaskState.Lost, o.State);
        Assert.Contains("killed", o.Reason, StringComparison.Ordinal);
    }
}
