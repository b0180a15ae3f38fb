using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Tests.Scheduling;

public sealed class PreemptionAndBackfillTests
{
    private static readonly QueueSpec[] TwoQueues = [new("low", 0), new("high", 10)];

    [Fact]
    public void A_higher_priority_queue_preempts_and_the_victim_is_named()
    {
        var state = Build.Cluster(1, 1, 4);
        var victim = Build.Run(state, Build.Step("batch", 4, "low"));
        var urgent = Build.Step("urgent", 2, "high");

        var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues([urgent], [victim], TwoQueues), new SchedulingPolicy { Preemption = true });

        Assert.Equal(new StepPreemption("batch", "urgent"), Assert.Single(d.Preemptions));
        Assert.Equal("urgent", Assert.Single(d.Placements).StepId);
        Assert.True(state.TryCommit(d));
        Assert.False(state.Running.ContainsKey("batch"));
    }

    [Fact]
    public void Same_priority_fifo_never_preempts()
    {
        var state = Build.Cluster(1, 1, 4);
        var running = Build.Run(state, Build.Step("first", 4, "low"));
        var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues([Build.Step("second", 2, "low")], [running], TwoQueues), new SchedulingPolicy { Preemption = true });

        Assert.Empty(d.Preemptions);
        Assert.Equal(ScheduleStatus.Retryable, Assert.Single(d.Rejections).Status);
    }

    [Fact]
    public void Shortest_remaining_first_preempts_a_much_longer_step_only()
    {
        var state = Build.Cluster(1, 1, 4);
        var longer = Build.Run(state, Build.Step("long", 4, hours: 10), remainingHours: 10);
        var policy = new SchedulingPolicy { Preemption = true, Order = new ShortestFirstOrder(preemptive: true) };

        var near = SchedulingCycle.Run(state.Snapshot(), Build.Queues([Build.Step("near", 4, hours: 6)], [longer]), policy);
        var tiny = SchedulingCycle.Run(state.Snapshot(), Build.Queues([Build.Step("tiny", 4, hours: 1)], [longer]), policy);

        Assert.Empty(near.Preemptions);
        Assert.Equal("long", Assert.Single(tiny.Preemptions).StepId);
    }

    [Theory]
    [InlineData(BlockingMode.Strict, "")]
    [InlineData(BlockingMode.Backfill, "short")]
    [InlineData(BlockingMode.SkipBlocked, "short,long")]
    public void Behind_a_blocked_gang_only_steps_that_end_before_its_reservation_backfill(BlockingMode mode, string expected)
    {
        var state = Build.Cluster(1, 2, 4);
        var running = Build.Run(state, Build.Step("holder", 4, hours: 1), remainingHours: 1);
        var pending = new[] { Build.Step("big", 8, hours: 1, submittedMinute: 1), Build.Step("short", 2, hours: 0.5, submittedMinute: 2), Build.Step("long", 2, hours: 2, submittedMinute: 3) };

        var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues(pending, [running]), new SchedulingPolicy { Blocking = mode });

        Assert.Equal(expected, string.Join(',', d.Placements.Select(p => p.StepId)));
        Assert.Contains(d.Rejections, r => r.StepId == "big" && r.Status == ScheduleStatus.Retryable);
    }

    [Fact]
    public void A_request_larger_than_the_cluster_or_of_a_missing_model_is_never_schedulable()
    {
        var state = Build.Cluster(1, 2, 4);
        var pending = new[]
        {
            Build.Step("huge", 16),
            new PendingStep("a100", "default", "t", new ResourceRequest { Gpus = 1, GpuTypes = ["A100"] }, Build.T0),
            Build.Step("ok", 8),
        };
        var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues(pending), new SchedulingPolicy());

        Assert.Equal(ScheduleStatus.NeverSchedulable, d.Rejections.Single(r => r.StepId == "huge").Status);
        Assert.Equal(ScheduleStatus.NeverSchedulable, d.Rejections.Single(r => r.StepId == "a100").Status);
        Assert.Equal("ok", Assert.Single(d.Placements).StepId);
    }

    [Fact]
    public void A_batch_is_admitted_whole_or_not_at_all()
    {
        var state = Build.Cluster(1, 1, 4);
        PendingStep Member(string id, string key) => Build.Step(id, 1) with { BatchKey = key };
        var fits = Enumerable.Range(0, 4).Select(i => Member($"a{i}", "a")).ToList();
        var tooBig = Enumerable.Range(0, 5).Select(i => Member($"b{i}", "b")).ToList();

        var d1 = SchedulingCycle.Run(state.Snapshot(), Build.Queues(fits), new SchedulingPolicy());
        var d2 = SchedulingCycle.Run(state.Snapshot(), Build.Queues(tooBig), new SchedulingPolicy());

        Assert.Equal(4, d1.Placements.Count);
        Assert.Empty(d2.Placements);
        Assert.Equal(5, d2.Rejections.Count);
    }

    [Fact]
    public void Decisions_made_on_a_stale_snapshot_are_discarded()
    {
        var state = Build.Cluster(1, 1, 4);
        var snapshot = state.Snapshot();
        var d = SchedulingCycle.Run(snapshot, Build.Queues([Build.Step("a", 4)]), new SchedulingPolicy());
        Build.Run(state, Build.Step("b", 2));

        Assert.False(state.TryCommit(d));
        Assert.False(state.Running.ContainsKey("a"));
    }
}
