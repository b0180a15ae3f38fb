using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Tests.Scheduling;

public sealed class FairShareTests
{
    [Fact]
    public void Drf_gives_the_nsdi11_example_three_tasks_to_a_and_two_to_b()
    {
        // Ghodsi et al., NSDI'11, §4: 9 CPUs and 18 GB; A asks <1 CPU, 4 GB>, B asks <3 CPU, 1 GB> per task.
        var node = new ComputeNode("n", 9000, 18 * 1024, []);
        var state = new ClusterState(new ClusterLayout(new ClusterTopology([new ComputePool("p", PoolKind.Local, 0, 0, [new NetworkSwitch("s", [node])])])));
        var pending = new List<PendingStep>();
        for (int i = 0; i < 6; i++)
        {
            pending.Add(new PendingStep($"a{i}", "default", "A", new ResourceRequest { CpuMilli = 1000, MemoryMib = 4 * 1024 }, Build.T0.AddSeconds(i)));
            pending.Add(new PendingStep($"b{i}", "default", "B", new ResourceRequest { CpuMilli = 3000, MemoryMib = 1024 }, Build.T0.AddSeconds(i)));
        }
        var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues(pending), new SchedulingPolicy { FairShare = true, Blocking = BlockingMode.SkipBlocked });

        Assert.Equal(3, d.Placements.Count(p => p.StepId.StartsWith('a')));
        Assert.Equal(2, d.Placements.Count(p => p.StepId.StartsWith('b')));
    }

    [Fact]
    public void Queue_weights_split_gpus_two_to_one()
    {
        var state = Build.Cluster(1, 1, 6);
        var pending = Enumerable.Range(0, 6).SelectMany(i => new[] { Build.Step($"x{i}", 1, "gold"), Build.Step($"y{i}", 1, "silver") }).ToList();
        var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues(pending, null, new QueueSpec("gold", 0, 2), new QueueSpec("silver", 0, 1)),
            new SchedulingPolicy { FairShare = true });

        Assert.Equal(4, d.Placements.Count(p => p.StepId.StartsWith('x')));
        Assert.Equal(2, d.Placements.Count(p => p.StepId.StartsWith('y')));
    }

    [Fact]
    public void Without_fair_share_the_first_queue_takes_everything_in_fifo_order()
    {
        var state = Build.Cluster(1, 1, 6);
        var pending = Enumerable.Range(0, 6).Select(i => Build.Step($"x{i}", 1, "gold", submittedMinute: i))
            .Concat(Enumerable.Range(0, 6).Select(i => Build.Step($"y{i}", 1, "silver", submittedMinute: 10 + i))).ToList();
        var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues(pending, null, new QueueSpec("gold", 0, 2), new QueueSpec("silver", 0, 1)), new SchedulingPolicy());

        Assert.All(d.Placements, p => Assert.StartsWith("x", p.StepId, StringComparison.Ordinal));
    }
}
