using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Tests.Scheduling;

public sealed class PlacementPropertyTests
{
    private static readonly SchedulingPolicy[] Policies =
    [
        new() { Blocking = BlockingMode.SkipBlocked },
        new() { Blocking = BlockingMode.Backfill, Order = new ShortestFirstOrder(preemptive: true), Preemption = true, FairShare = true },
        new() { Blocking = BlockingMode.SkipBlocked, Scoring = PlacementScoring.Fragmentation,
                Mix = new Gts.Dispatch.Scheduling.Level1.WorkloadMix([new(1, 500, 0, 1), new(2, 1000, 0, 1)]) },
    ];

    private static ResourceRequest RequestFrom(int code)
    {
        int kind = code % 5, size = code / 5 % 8;
        return kind switch
        {
            0 => ResourceRequest.GpuShare(100 + size * 110),
            1 => ResourceRequest.WholeGpus(1 + size),
            2 => new ResourceRequest { Gpus = 4 * (1 + size % 4), Gang = new GangShape(TensorParallel: 2, PipelineStages: 2, StagesUnderOneSwitch: true) },
            3 => new ResourceRequest { Gpus = 2 * (1 + size % 3), Gang = new GangShape(Nodes: 2) },
            _ => ResourceRequest.WholeGpus(1 + size, cpuMilli: 4000 * (1 + size), memoryMib: 1024),
        };
    }

    /// <summary>Runs cycles over random arrivals and departures, checking every committed state against capacity.</summary>
    [Property(MaxTest = 60)]
    public Property Placements_never_exceed_capacity_and_gangs_are_all_or_nothing() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 400)).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (int[] codes, int policyIndex) =>
        {
            var state = new ClusterState(new ClusterLayout(ClusterTopology.Uniform(2, 3, 4)));
            var policy = Policies[policyIndex];
            var pending = new List<PendingStep>();
            var running = new List<RunningStep>();
            for (int i = 0; i < codes.Length; i++)
            {
                var request = RequestFrom(codes[i]);
                pending.Add(new PendingStep($"s{i}", "default", $"t{codes[i] % 3}", request, Build.T0.AddSeconds(i)) { Remaining = TimeSpan.FromMinutes(1 + codes[i] % 50) });
                if (codes[i] % 7 == 0 && running.Count > 0)
                {
                    state.Remove(running[0].Id);
                    running.RemoveAt(0);
                }
                var d = SchedulingCycle.Run(state.Snapshot(), new QueueSnapshot(Build.T0.AddSeconds(i), [new QueueSpec("default")], pending, running), policy);
                if (!state.TryCommit(d)) return false;
                foreach (var p in d.Preemptions) running.RemoveAll(r => r.Id == p.StepId);
                foreach (var p in d.Placements)
                {
                    var step = pending.Single(s => s.Id == p.StepId);
                    if (!WholeGang(step.Request, p.Allocation)) return false;
                    pending.Remove(step);
                    running.Add(new RunningStep(step.Id, step.Queue, step.Tenant, step.Request, p.Allocation, step.SubmittedAt) { Remaining = step.Remaining });
                }
                if (!WithinCapacity(state)) return false;
            }
            return true;
        });

    private static bool WholeGang(ResourceRequest r, Allocation a)
    {
        if (r.IsFractional) return a.GpuCount == 1 && a.Shares[0].GpuMilli == r.GpuMilli;
        if (a.GpuCount != r.Gpus) return false;
        foreach (var s in a.Shares)
        {
            if (s.Gpus.Length % r.Gang.TensorParallel != 0 || s.Gpus.Distinct().Count() != s.Gpus.Length) return false;
            if (r.Gang.Nodes is int n && (a.NodeCount != n || s.Gpus.Length != r.Gpus / n)) return false;
        }
        return true;
    }

    private static bool WithinCapacity(ClusterState state)
    {
        var layout = state.Layout;
        var used = new int[layout.GpuCount];
        var cpu = new int[layout.NodeCount];
        foreach (var a in state.Running.Values)
            foreach (var s in a.Shares)
            {
                cpu[s.Node] += s.CpuMilli;
                foreach (int g in s.Gpus) used[layout.NodeGpuStart[s.Node] + g] += s.GpuMilli;
            }
        var snap = state.Snapshot();
        for (int g = 0; g < layout.GpuCount; g++)
            if (used[g] > 1000 || used[g] + snap.FreeMilli(g) != 1000) return false;
        for (int n = 0; n < layout.NodeCount; n++)
            if (cpu[n] > layout.NodeCpu[n]) return false;
        return true;
    }

    [Property(MaxTest = 100)]
    public Property Fractional_shares_never_exceed_a_gpus_memory() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(1, 1000)).ToArbitrary(), (int[] millis) =>
        {
            var state = new ClusterState(new ClusterLayout(ClusterTopology.Uniform(1, 2, 2)));
            var shares = new List<PendingStep>();
            for (int i = 0; i < millis.Length; i++)
                shares.Add(new PendingStep($"f{i}", "default", "t", ResourceRequest.GpuShare(millis[i]), Build.T0));
            var d = SchedulingCycle.Run(state.Snapshot(), Build.Queues(shares), new SchedulingPolicy { Blocking = BlockingMode.SkipBlocked });
            Assert.True(state.TryCommit(d));
            var perGpu = new Dictionary<(int, int), long>();
            foreach (var p in d.Placements)
            {
                var s = Assert.Single(p.Allocation.Shares);
                var key = (s.Node, s.Gpus[0]);
                perGpu[key] = perGpu.GetValueOrDefault(key) + s.GpuMilli * 32L * 1024 / 1000;
            }
            return perGpu.Values.All(mib => mib <= 32L * 1024) && d.Placements.Count + d.Rejections.Count == millis.Length;
        });
}
