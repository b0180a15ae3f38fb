using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;
using Gts.Sim.Engine;
using Gts.Sim.Reporting;

namespace Gts.Sim.Tests;

public sealed class SimulatorTests
{
    private static SimJob Job(string id, double submit, int gpus, double seconds) => new()
    {
        Id = id, Tenant = "t", Submit = submit, Request = ResourceRequest.WholeGpus(gpus), TotalWork = seconds,
        Rate = static (_, _) => 1.0, IsolatedSeconds = seconds, EstimateKey = "k",
    };

    private static readonly ClusterLayout OneNode = new(ClusterTopology.Uniform(1, 1, 4));

    [Fact]
    public void Fifo_on_virtual_time_gives_hand_computed_completion_times()
    {
        var sim = new TraceSimulator(OneNode, startDelaySeconds: 0, restartDelaySeconds: 0);
        var jobs = new[] { Job("a", 0, 4, 100), Job("b", 10, 2, 50), Job("c", 20, 2, 30) };
        var r = sim.Run(jobs, new SimPolicy("fifo", new SchedulingPolicy { Blocking = BlockingMode.Strict }, RemainingInfo.None));
        var jct = r.Jobs.ToDictionary(j => j.Id, j => j.Jct);

        Assert.Equal(100, jct["a"], 6);       // 0 → 100
        Assert.Equal(140, jct["b"], 6);       // waits to 100, runs 50 → 150 - 10
        Assert.Equal(110, jct["c"], 6);       // starts at 100 beside b, runs 30 → 130 - 20
        Assert.Equal(150, r.MakespanSeconds, 6);
    }

    [Fact]
    public void Shortest_first_with_preemption_beats_fifo_on_a_long_job_then_short_ones()
    {
        var sim = new TraceSimulator(OneNode, startDelaySeconds: 0, restartDelaySeconds: 0);
        var jobs = new[] { Job("long", 0, 4, 10_000), Job("s1", 5, 4, 10), Job("s2", 6, 4, 10) };
        var fifo = sim.Run(jobs, new SimPolicy("fifo", new SchedulingPolicy { Blocking = BlockingMode.Strict }, RemainingInfo.None));
        var srtf = sim.Run(jobs, new SimPolicy("srtf", new SchedulingPolicy { Order = new ShortestFirstOrder(preemptive: true), Preemption = true }, RemainingInfo.Oracle));

        Assert.True(srtf.MeanJct < fifo.MeanJct / 2, $"srtf {srtf.MeanJct} vs fifo {fifo.MeanJct}");
        Assert.Equal(1, srtf.Jobs.Single(j => j.Id == "long").Restarts);
    }

    [Fact]
    public void Virtual_clock_never_goes_back()
    {
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        clock.MoveTo(10);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(10), clock.GetUtcNow());
        Assert.Throws<InvalidOperationException>(() => clock.MoveTo(5));
    }

    [Fact]
    public void Benchmark_section_keeps_other_subsections_of_the_same_markers()
    {
        const string page = "# B\n<!-- BEGIN dispatch -->\n### Simulator\n\nold\n\n### Slurm head to head\n\nkeep me\n<!-- END dispatch -->\n";
        var updated = BenchmarkSection.Replace(page, "dispatch", "### Simulator", "new table");

        Assert.Contains("new table", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("old", updated, StringComparison.Ordinal);
        Assert.Contains("### Slurm head to head\n\nkeep me", updated, StringComparison.Ordinal);
        Assert.Contains("### Simulator", BenchmarkSection.Replace("<!-- BEGIN dispatch -->\nNot measured yet.\n<!-- END dispatch -->", "dispatch", "### Simulator", "x"), StringComparison.Ordinal);
    }
}
