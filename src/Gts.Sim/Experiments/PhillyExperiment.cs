using Gts.Core.Compute;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;
using Gts.Sim.Engine;
using Gts.Sim.Metrics;
using Gts.Sim.Traces;

namespace Gts.Sim.Experiments;

/// <summary>The full Philly replay: every job with its real submit time, run time and GPU count, on a cluster of
/// 8-GPU nodes under 16-node switches; tenants are the trace's virtual clusters.</summary>
public static class PhillyExperiment
{
    public const int GpusPerNode = 8, NodesPerSwitch = 16;

    public static ClusterLayout Layout(int gpus)
    {
        int nodes = Math.Max(1, (gpus + GpusPerNode - 1) / GpusPerNode);
        int switches = Math.Max(1, (nodes + NodesPerSwitch - 1) / NodesPerSwitch);
        return new ClusterLayout(ClusterTopology.Uniform(switches, Math.Min(nodes, NodesPerSwitch), GpusPerNode));
    }

    public static IReadOnlyList<SimPolicy> Policies(string selection)
    {
        var all = new SimPolicy[]
        {
            new("ours", PolluxExperiment.Ours(elastic: false), RemainingInfo.Estimate),
            new("fifo", new SchedulingPolicy { Name = "fifo", Blocking = BlockingMode.Strict }, RemainingInfo.None),
            new("sjf", new SchedulingPolicy { Name = "sjf", Order = new ShortestFirstOrder(), Blocking = BlockingMode.SkipBlocked }, RemainingInfo.Oracle),
            new("sjf-est", new SchedulingPolicy { Name = "sjf-est", Order = new ShortestFirstOrder(), Blocking = BlockingMode.SkipBlocked }, RemainingInfo.Estimate),
            new("las", new SchedulingPolicy { Name = "las", Order = LeastAttainedServiceOrder.Default, Preemption = true, Blocking = BlockingMode.SkipBlocked }, RemainingInfo.None, 300),
        };
        if (selection.Trim() == "all") return all;
        var names = selection.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var n in names)
            if (all.All(p => p.Name != n))
                throw new Core.Errors.GtsException(Core.Errors.ErrorKind.Usage, $"unknown Philly policy '{n}'", $"use some of {string.Join(", ", all.Select(p => p.Name))} or all");
        return [.. all.Where(p => names.Contains(p.Name))];
    }

    public static List<SimJob> Jobs(IReadOnlyList<PhillyJob> trace, int maxGpus) =>
        trace.Select(j => new SimJob
        {
            Id = "p" + j.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Tenant = j.Vc,
            Submit = j.Submit,
            Request = ResourceRequest.WholeGpus(Math.Min(j.Gpus, maxGpus)),
            TotalWork = j.Duration,
            Rate = static (_, _) => 1.0,
            IsolatedSeconds = j.Duration,
            EstimateKey = $"{j.Vc}/{j.Gpus}",
        }).ToList();

    public static List<SimResult> Run(string path, int gpus, IReadOnlyList<SimPolicy> policies, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var trace = PhillyTraceReader.Read(path);
        var layout = Layout(gpus);
        var sim = new TraceSimulator(layout, startDelaySeconds: 0, restartDelaySeconds: 30);
        var results = new List<SimResult>();
        foreach (var policy in policies)
        {
            var r = sim.Run(Jobs(trace, layout.GpuCount), policy);
            progress?.Report($"philly {policy.Name}: mean JCT {r.MeanJct / 3600:F2} h in {r.WallSeconds:F1} s wall");
            results.Add(r);
        }
        return results;
    }
}
