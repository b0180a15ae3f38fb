using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Dispatch.Executors.Slurm;
using Gts.Testing;

namespace Gts.Dispatch.Tests.Executors;

/// <summary>The executor contract against real Slurm daemons (../shared/tools/slurm/start-slurm-ci.sh; SLURM_CONF
/// names the cluster), plus gangs across nodes.</summary>
[RequiresService("SLURM_CONF", "Slurm cluster")]
public sealed class SlurmExecutorTests : ExecutorContract
{
    protected override IExecutor CreateExecutor() =>
        new SlurmExecutor(new SlurmExecutorOptions(WorkDir) { SlurmConf = RequiresServiceAttribute.Require("SLURM_CONF", "Slurm cluster") });

    protected override string UnknownExternalId => "999999";

    [ServiceFact]
    public async Task A_gang_gets_several_nodes_at_once()
    {
        var executor = CreateExecutor();
        var launch = Shell("gang/" + Guid.NewGuid().ToString("N"), "echo rank-on-$SLURMD_NODENAME", new StepResources(Nodes: 2));

        var task = Assert.Single(await executor.SubmitAsync(launch, CancellationToken.None));
        var o = await WaitAsync(executor, task);

        Assert.Equal(ExecutorTaskState.Succeeded, o.State);
        var ranks = (await executor.ReadLogAsync(task, CancellationToken.None)).Split('\n').Where(l => l.StartsWith("rank-on-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ranks.Distinct().Count());
    }

    [ServiceFact]
    public async Task Accounting_reports_nodes_and_times_of_a_finished_job()
    {
        var executor = CreateExecutor();
        var task = Assert.Single(await executor.SubmitAsync(Shell("acct/" + Guid.NewGuid().ToString("N"), "sleep 1"), CancellationToken.None));
        var o = await WaitAsync(executor, task);
        Assert.Equal(ExecutorTaskState.Succeeded, o.State);
        Assert.Matches("^n[0-9]+", o.Nodes);
        Assert.NotNull(o.StartedAt);
        Assert.True(o.EndedAt >= o.StartedAt);
    }
}
