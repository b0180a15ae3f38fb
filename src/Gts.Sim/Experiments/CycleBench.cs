using System.Diagnostics;
using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;
using Gts.Sim.Metrics;

namespace Gts.Sim.Experiments;

/// <summary>Times <see cref="SchedulingCycle.Run"/> with our policy on a large random cluster: 8-GPU nodes under
/// 32-node switches, about 60 % of the GPUs held by running steps, and a queue of pending steps of mixed sizes
/// (shares, single GPUs, gangs up to 32 GPUs) from 20 tenants in 3 queues.</summary>
public static class CycleBench
{
    private static readonly int[] Sizes = [1, 1, 1, 1, 2, 2, 4, 8, 8, 16, 32];

    public static CycleBenchResult Run(int gpus, int pendingCount, int repeats, int seed)
    {
        var random = new Random(seed);
        int nodes = Math.Max(1, gpus / 8);
        var layout = new ClusterLayout(ClusterTopology.Uniform((nodes + 31) / 32, Math.Min(32, nodes), 8));
        var state = new ClusterState(layout);
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        QueueSpec[] queues = [new("prod", 10, 2), new("research", 0, 1), new("batch", 0, 1)];
        var running = new List<RunningStep>();
        var fill = SchedulingPolicy() with { Blocking = BlockingMode.SkipBlocked, Preemption = false };
        int id = 0;
        while (layout.GpuCount - state.Snapshot().WholeFreeGpus() < 0.6 * layout.GpuCount)
        {
            var batch = Enumerable.Range(0, 200).Select(_ => Step(random, id++, now, queues)).ToList();
            var d = SchedulingCycle.Run(state.Snapshot(), new QueueSnapshot(now, queues, batch, []), fill);
            if (d.Placements.Count == 0 || !state.TryCommit(d)) break;
            foreach (var p in d.Placements)
            {
                var s = batch.First(b => b.Id == p.StepId);
                running.Add(new RunningStep(s.Id, s.Queue, s.Tenant, s.Request, p.Allocation, s.SubmittedAt) { Remaining = s.Remaining });
            }
        }
        var pending = Enumerable.Range(0, pendingCount).Select(_ => Step(random, id++, now, queues)).ToList();
        var snapWatch = Stopwatch.StartNew();
        var snapshot = state.Snapshot();
        double snapshotMs = snapWatch.Elapsed.TotalMilliseconds;
        var queueSnapshot = new QueueSnapshot(now.AddHours(1), queues, pending, running);
        var policy = SchedulingPolicy();
        CycleDecisions last = SchedulingCycle.Run(snapshot, queueSnapshot, policy);
        for (int i = 0; i < 5; i++) last = SchedulingCycle.Run(snapshot, queueSnapshot, policy);
        var times = new double[repeats];
        var cpu = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            double cpuStart = ThreadCpuClock.NowMs();
            long start = Stopwatch.GetTimestamp();
            last = SchedulingCycle.Run(snapshot, queueSnapshot, policy);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = ThreadCpuClock.NowMs() - cpuStart;
        }
        return new CycleBenchResult(layout.GpuCount, layout.NodeCount, pending.Count, running.Count, repeats,
            Stats.Percentile(times, 0.5), Stats.Percentile(times, 0.99), times.Average(), Stats.Percentile(cpu, 0.5), Stats.Percentile(cpu, 0.99),
            last.Placements.Count, last.Preemptions.Count, last.Rejections.Count, snapshotMs);
    }

    private static SchedulingPolicy SchedulingPolicy() => Experiments.PolluxExperiment.Ours(elastic: false);

    private static PendingStep Step(Random random, int id, DateTimeOffset now, QueueSpec[] queues)
    {
        var request = random.NextDouble() < 0.1
            ? ResourceRequest.GpuShare(100 * random.Next(1, 10), cpuMilli: 2000, memoryMib: 8192)
            : ResourceRequest.WholeGpus(Sizes[random.Next(Sizes.Length)], cpuMilli: 0, memoryMib: 0);
        return new PendingStep($"s{id}", queues[random.Next(queues.Length)].Name, $"tenant{random.Next(20)}", request, now.AddSeconds(-random.Next(3600)))
        {
            Remaining = TimeSpan.FromMinutes(1 + random.Next(600)),
        };
    }
}
