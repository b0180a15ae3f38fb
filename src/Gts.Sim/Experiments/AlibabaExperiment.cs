using System.Diagnostics;
using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level1;
using Gts.Dispatch.Scheduling.Level2;
using Gts.Sim.Traces;

namespace Gts.Sim.Experiments;

/// <summary>The FGD (ATC'23) experiment: pods arrive one by one in file order, are never deleted, and each is
/// placed by one scheduler cycle until the GPUs asked for reach the cluster's GPU count; then we count what
/// could not be placed.</summary>
public static class AlibabaExperiment
{
    private static readonly QueueSpec[] Queue = [new("default")];

    /// <summary>GPU memory per model in MiB (public specs; G1–G3 are undisclosed and taken as 32 GiB). Shares are
    /// fractions of a GPU, so these only matter for memory-based requests.</summary>
    private static long MemoryOf(string model) => model switch
    {
        "T4" or "P100" or "V100M16" => 16 * 1024,
        "A10" => 24 * 1024,
        _ => 32 * 1024,
    };

    public static ClusterLayout Layout(IReadOnlyList<AlibabaNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var computeNodes = nodes.Where(n => n.Gpus > 0).Select(n =>
        {
            var gpus = Enumerable.Range(0, n.Gpus).Select(i => new GpuDevice(i, n.Model, MemoryOf(n.Model))).ToArray();
            return new ComputeNode(n.Name, n.CpuMilli, n.MemoryMib, gpus);
        }).ToList();
        var switches = computeNodes.Chunk(64).Select((c, i) => new NetworkSwitch($"sw{i}", c)).ToArray();
        return new ClusterLayout(new ClusterTopology([new ComputePool("alibaba", PoolKind.Kubernetes, 0, 0, switches)]));
    }

    public static ResourceRequest RequestOf(AlibabaPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var r = pod.Gpus == 0 ? new ResourceRequest()
            : pod.Gpus == 1 && pod.GpuMilli < 1000 ? ResourceRequest.GpuShare(pod.GpuMilli)
            : ResourceRequest.WholeGpus(pod.Gpus);
        return r with { CpuMilli = pod.CpuMilli, MemoryMib = pod.MemoryMib, GpuTypes = pod.GpuSpec, Gang = new GangShape(Nodes: pod.Gpus > 1 ? 1 : null) };
    }

    /// <summary>The workload's request mix (FGD's target workload): GPU pods by GPU count and share rounded to 50 milli.</summary>
    public static WorkloadMix MixOf(IReadOnlyList<AlibabaPod> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var classes = pods.Where(p => p.Gpus > 0)
            .GroupBy(p => (p.Gpus, Milli: p.GpuMilli >= 1000 ? 1000 : Math.Max(50, (p.GpuMilli + 25) / 50 * 50)))
            .Select(g => new TaskClass(g.Key.Gpus, g.Key.Milli, (int)g.Average(p => p.CpuMilli), g.Count()))
            .ToArray();
        return new WorkloadMix(classes);
    }

    public static IReadOnlyList<(string Name, SchedulingPolicy Policy)> Policies(WorkloadMix mix) =>
    [
        ("best-fit", new SchedulingPolicy { Name = "best-fit", Scoring = PlacementScoring.BestFit }),
        ("ours (fragmentation-aware)", new SchedulingPolicy { Name = "ours-frag", Scoring = PlacementScoring.Fragmentation, Mix = mix }),
    ];

    public static AlibabaResult Run(string workload, ClusterLayout layout, IReadOnlyList<AlibabaPod> pods, string policyName, SchedulingPolicy policy, double arrivedLimit = 1.0)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(policy);
        var watch = Stopwatch.StartNew();
        var state = new ClusterState(layout);
        var now = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        double arrived = 0, allocated = 0, limit = arrivedLimit * layout.GpuCount;
        int count = 0, failed = 0;
        // Like FGD's simulator, a pod list whose GPU requests fall short of the limit is replayed again (inflation).
        double listGpus = pods.Sum(p => p.Gpus * p.GpuMilli / 1000.0);
        for (int k = 0; listGpus > 0; k++)
        {
            var pod = pods[k % pods.Count];
            double gpus = pod.Gpus * pod.GpuMilli / 1000.0;
            if (arrived + gpus > limit + 1e-9) break;
            arrived += gpus;
            count++;
            var step = new PendingStep(k < pods.Count ? pod.Name : $"{pod.Name}#{k / pods.Count}", "default", "t", RequestOf(pod), now);
            var d = SchedulingCycle.Run(state.Snapshot(), new QueueSnapshot(now, Queue, [step], []), policy);
            if (d.Placements.Count == 1 && state.TryCommit(d)) allocated += gpus;
            else failed++;
        }
        return new AlibabaResult(workload, policyName, layout.GpuCount, count, arrived, allocated, failed, Fragment(state, policy.Mix ?? MixOf(pods)), watch.Elapsed.TotalSeconds);
    }

    /// <summary>FGD's cluster fragmentation: the expected GPUs that a request drawn from the mix could not use.</summary>
    private static double Fragment(ClusterState state, WorkloadMix mix)
    {
        var layout = state.Layout;
        var snap = state.Snapshot();
        double total = 0;
        for (int n = 0; n < layout.NodeCount; n++)
        {
            var free = new int[layout.NodeGpuCount[n]];
            for (int i = 0; i < free.Length; i++) free[i] = snap.FreeMilli(layout.NodeGpuStart[n] + i);
            total += mix.Fragment(free, snap.FreeCpuOf(n));
        }
        return total / 1000;
    }
}
