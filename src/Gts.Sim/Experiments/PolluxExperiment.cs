using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;
using Gts.Sim.Engine;
using Gts.Sim.Metrics;
using Gts.Sim.Profiles;
using Gts.Sim.Traces;

namespace Gts.Sim.Experiments;

/// <summary>The Pollux (OSDI'21) comparison: the 8 workloads of 160 jobs on 16 nodes × 4 GPUs, each job training
/// its model to the Pollux simulator's epoch count at the speed the model profiles give for its placement.</summary>
public static class PolluxExperiment
{
    public const int Nodes = 16, GpusPerNode = 4;
    public const double RestartDelaySeconds = 30;

    /// <summary>GPUs an elastic job may grow to (also capped by the smallest profiled local batch).</summary>
    public const int ElasticMaxGpus = 16;

    public static ClusterLayout Layout() => new(ClusterTopology.Uniform(1, Nodes, GpusPerNode));

    public static IReadOnlyList<SimPolicy> Policies() =>
    [
        new("FIFO", new SchedulingPolicy { Name = "fifo", Order = new FifoOrder(), Blocking = BlockingMode.Strict }, RemainingInfo.None),
        new("SJF (oracle)", new SchedulingPolicy { Name = "sjf", Order = new ShortestFirstOrder(), Blocking = BlockingMode.SkipBlocked }, RemainingInfo.Oracle),
        new("SJF (estimated)", new SchedulingPolicy { Name = "sjf-est", Order = new ShortestFirstOrder(), Blocking = BlockingMode.SkipBlocked }, RemainingInfo.Estimate),
        new("Tiresias-like LAS", new SchedulingPolicy { Name = "las", Order = LeastAttainedServiceOrder.Default, Preemption = true, Blocking = BlockingMode.SkipBlocked }, RemainingInfo.None, 60),
        new("ours (non-elastic)", Ours(elastic: false), RemainingInfo.Oracle, 60),
        new("ours (elastic)", Ours(elastic: true), RemainingInfo.Oracle, 60),
    ];

    /// <summary>Our policy: DRF across tenants, shortest remaining time first with preemption at a 2× margin,
    /// EASY backfill, topology-aware packing; optionally elastic.</summary>
    public static SchedulingPolicy Ours(bool elastic) => new()
    {
        Name = elastic ? "ours-elastic" : "ours",
        Order = new ShortestFirstOrder(preemptive: true, preemptionRatio: 2),
        FairShare = true,
        Preemption = true,
        Blocking = BlockingMode.Backfill,
        Elastic = elastic,
        ElasticEfficiency = 0.8,
        ResizeMinGain = TimeSpan.FromMinutes(2),
    };

    public static List<SimJob> Jobs(IReadOnlyList<PolluxJob> workload, IReadOnlyDictionary<string, ModelProfile> profiles, bool elastic)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(profiles);
        var jobs = new List<SimJob>(workload.Count);
        foreach (var w in workload)
        {
            var profile = profiles[w.Application];
            int batch = w.BatchSize;
            int max = Math.Max(w.Replicas, Math.Min(ElasticMaxGpus, profile.MaxUsefulGpus(batch)));
            double Rate(int gpus, int nodes) => 1.0 / profile.StepTime(Math.Max(1, nodes), Math.Max(1, gpus), batch);
            var throughput = new double[max];
            for (int g = 1; g <= max; g++) throughput[g - 1] = Rate(g, (g + GpusPerNode - 1) / GpusPerNode);
            double iterations = profile.IterationsToFinish(batch);
            var request = elastic
                ? new ResourceRequest { Gpus = w.Replicas, Elastic = new ElasticRange(1, max) }
                : ResourceRequest.WholeGpus(w.Replicas);
            jobs.Add(new SimJob
            {
                Id = w.Name,
                Tenant = "pollux",
                Submit = w.Submit,
                Request = request,
                TotalWork = iterations,
                Rate = Rate,
                IsolatedSeconds = iterations / Rate(w.Replicas, (w.Replicas + GpusPerNode - 1) / GpusPerNode) + RestartDelaySeconds,
                EstimateKey = $"{w.Application}/{w.Replicas}/{batch}",
                Throughput = throughput,
            });
        }
        return jobs;
    }

    public static Dictionary<string, ModelProfile> Profiles(string modelsDir, IEnumerable<PolluxJob> jobs) =>
        jobs.Select(j => j.Application).Distinct(StringComparer.Ordinal).ToDictionary(a => a, a => ModelProfileReader.Read(modelsDir, a), StringComparer.Ordinal);

    /// <summary>Runs every policy on every workload; results[policy][workload].</summary>
    public static Dictionary<string, List<SimResult>> Run(IReadOnlyList<string> workloadFiles, string modelsDir, IReadOnlyList<SimPolicy> policies, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(workloadFiles);
        ArgumentNullException.ThrowIfNull(policies);
        var layout = Layout();
        var sim = new TraceSimulator(layout, startDelaySeconds: RestartDelaySeconds, restartDelaySeconds: RestartDelaySeconds);
        var results = policies.ToDictionary(p => p.Name, _ => new List<SimResult>());
        foreach (string file in workloadFiles)
        {
            var workload = PolluxWorkloadReader.Read(file);
            var profiles = Profiles(modelsDir, workload);
            foreach (var policy in policies)
            {
                var result = sim.Run(Jobs(workload, profiles, policy.Scheduling.Elastic), policy);
                results[policy.Name].Add(result);
                progress?.Report($"{Path.GetFileName(file)} {policy.Name}: mean JCT {result.MeanJct / 3600:F3} h");
            }
        }
        return results;
    }
}
