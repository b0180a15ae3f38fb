using System.Globalization;
using System.Text;
using Gts.Core.Metrics;
using Gts.Sim.Experiments;
using Gts.Sim.Metrics;

namespace Gts.Sim.Reporting;

/// <summary>Collects the results of one `gts sim` run and renders them as the `### Simulator` part of the
/// dispatch section of the benchmarks page, with PNG plots beside it.</summary>
public sealed class SimulatorReport(string plotDir, string commandLine)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly double _loadAtStart = MachineInfo.LoadAverage();
    private readonly List<string> _parts = [];
    private readonly List<string> _plots = [];

    public void AddCycle(CycleBenchResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        sb.AppendLine("#### Scheduling cycle at scale (target: ≤ 10 ms)");
        sb.AppendLine();
        sb.AppendLine($"One `SchedulingCycle.Run` with our policy (DRF over 20 tenants in 3 weighted queues, shortest-remaining-first with preemption, EASY backfill, topology-aware gangs, 10 % GPU shares), timed {r.Repeats} times on the same snapshot after 6 warm-up cycles; load average {MachineInfo.LoadAverage().ToString("F2", Inv)} after the run. Wall time includes waiting for one of the 2 shared cores; thread CPU time is the cycle's own work.");
        sb.AppendLine();
        sb.AppendLine("| GPUs | nodes | running steps | pending steps | wall p50 (ms) | wall p99 (ms) | wall mean (ms) | CPU p50 (ms) | CPU p99 (ms) | placed | preempted | rejected | snapshot copy (ms) | target ≤ 10 ms |");
        sb.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        sb.AppendLine(Inv, $"| {r.Gpus:N0} | {r.Nodes:N0} | {r.Running:N0} | {r.Pending:N0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.MeanMs:F2} | {r.CpuP50Ms:F2} | {r.CpuP99Ms:F2} | {r.Placements} | {r.Preemptions} | {r.Rejections} | {r.SnapshotMs:F2} | wall: {Verdict2(r.P50Ms, r.P99Ms)}; CPU: {Verdict2(r.CpuP50Ms, r.CpuP99Ms)} |");
        _parts.Add(sb.ToString());
    }

    public void AddAlibaba(AlibabaResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        _alibaba.Add(r);
    }

    private readonly List<AlibabaResult> _alibaba = [];

    public void AddPollux(Dictionary<string, List<SimResult>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        sb.AppendLine("#### Pollux workloads (16 nodes × 4 GPUs; 8 workloads × 160 jobs)");
        sb.AppendLine();
        sb.AppendLine("Jobs train their model to the Pollux simulator's epoch count at the global batch size asked for; step time comes from the `pollux-models` profiles for the actual placement (nodes × GPUs, interpolated; gradient accumulation above the largest profiled local batch); every start, restart and resize costs 30 s. Elastic jobs keep their batch size and run on 1..16 GPUs (no batch-size adaptation, unlike Pollux). FIFO and SJF re-plan on arrivals and completions; LAS and ours also every 60 s (Pollux's interval). SJF (oracle) and ours are told the remaining time the profiles predict (what Pollux's own scheduler also relies on); SJF (estimated) uses the median run time of finished jobs of the same model, GPUs and batch.");
        sb.AppendLine();
        sb.AppendLine("| policy | mean JCT (h) | per-workload mean ± std (h) | p95 JCT (h) | p99 JCT (h) | mean queueing (h) | makespan (h) | GPU utilization | idle GPUs while jobs wait | restarts | mean ρ (FTF) | target |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (policy, rs) in results)
        {
            var jobs = rs.SelectMany(r => r.Jobs).ToList();
            double mean = jobs.Average(j => j.Jct) / 3600;
            var perWorkload = MeanStd.Of(rs.Select(r => r.MeanJct / 3600));
            string target = policy switch
            {
                "ours (non-elastic)" => Verdict(mean, 1.12),
                "ours (elastic)" => Verdict(mean, 0.76),
                _ => "",
            };
            sb.AppendLine(Inv, $"| {policy} | {mean:F3} | {perWorkload.Format(1, 3)} | {Stats.Percentile(jobs.Select(j => j.Jct), 0.95) / 3600:F2} | {Stats.Percentile(jobs.Select(j => j.Jct), 0.99) / 3600:F2} | {jobs.Average(j => j.Queueing) / 3600:F3} | {rs.Average(r => r.MakespanSeconds) / 3600:F2} | {100 * rs.Average(r => r.GpuUtilization):F1} % | {100 * rs.Average(r => r.IdleWhileWaiting):F1} % | {rs.Sum(r => r.Restarts)} | {jobs.Average(j => j.Rho):F2} | {target} |");
        }
        sb.AppendLine();
        sb.AppendLine("Published (Pollux artifact, its own simulator, same workloads): Pollux 0.764 h, Tiresias+TunedJobs 1.122 h, Optimus+Oracle+TunedJobs 1.578 h. Makespan and utilization are means over the 8 workloads; ρ = JCT / run time alone at the requested GPUs.");
        _parts.Add(sb.ToString());
        _plots.Add(Plots.JctCdf(Path.Combine(plotDir, "sim-pollux-jct-cdf.png"), "Pollux workloads: JCT CDF (1,280 jobs)", results.ToDictionary(kv => kv.Key, kv => kv.Value.SelectMany(r => r.Jobs).Select(j => j.Jct / 3600).ToArray()), logX: true));
    }

    public void AddPhilly(IReadOnlyList<SimResult> results, int gpus)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"#### Philly full replay ({results.FirstOrDefault()?.Jobs.Count ?? 0:N0} jobs, {gpus:N0} GPUs as 8-GPU nodes under 16-node switches; target: ≤ 60 s)");
        sb.AppendLine();
        sb.AppendLine("Real submit times, run times and GPU counts; tenants are the 15 virtual clusters. Ours: DRF across VCs, shortest-remaining-first on *estimated* run times (median of the VC's finished jobs with the same GPU count) with preemption at a 2× margin, EASY backfill. SJF is told the true run time (oracle); LAS (Tiresias-like, 2 queues split at 1 GPU-hour) re-plans every 300 s while jobs wait. Restarts after preemption cost 30 s.");
        sb.AppendLine();
        sb.AppendLine("| policy | mean JCT (h) | p95 JCT (h) | p99 JCT (h) | mean queueing (h) | makespan (days) | GPU utilization | idle GPUs while jobs wait | restarts | mean ρ | worst VC mean ρ | cycles | wall time (s) | target |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
            sb.AppendLine(Inv, $"| {r.Policy} | {r.MeanJct / 3600:F2} | {r.Percentile(0.95) / 3600:F2} | {r.Percentile(0.99) / 3600:F2} | {r.MeanQueueing / 3600:F3} | {r.MakespanSeconds / 86400:F1} | {100 * r.GpuUtilization:F1} % | {100 * r.IdleWhileWaiting:F2} % | {r.Restarts} | {r.MeanRho:F2} | {r.WorstTenantRho:F2} | {r.Cycles:N0} | {r.WallSeconds:F1} | {(r.Policy == "ours" ? Verdict(r.WallSeconds, 60, "s") : "")} |");
        _parts.Add(sb.ToString());
        _plots.Add(Plots.JctCdf(Path.Combine(plotDir, "sim-philly-jct-cdf.png"), "Philly replay: JCT CDF", results.ToDictionary(r => r.Policy, r => r.Jobs.Select(j => j.Jct / 3600).ToArray()), logX: true));
    }

    private string AlibabaPart()
    {
        var sb = new StringBuilder();
        sb.AppendLine("#### Alibaba 2023: GPU sharing and fragmentation (1,213 nodes, 6,212 GPUs of 7 models)");
        sb.AppendLine();
        sb.AppendLine("FGD's protocol: pods arrive one by one in file order and are never deleted until the GPUs asked for reach 100 % of the cluster; one scheduler cycle places each pod (shares of one GPU by milli-GPU, whole GPUs on one node, CPU and memory, GPU-model constraints). Best-fit packs (least capacity left on the node, fullest GPU that fits); ours scores by fragmentation growth against the workload's request mix (FGD's measure). Unallocated = GPUs asked for by pods that could not be placed, as % of 6,212.");
        sb.AppendLine();
        sb.AppendLine("| workload | policy | pods arrived | GPUs asked | unallocated GPUs | unallocated % | allocation rate | fragmented GPUs at the end | vs best-fit | wall (s) |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var g in _alibaba.GroupBy(r => r.Workload))
        {
            var best = g.FirstOrDefault(r => r.Policy == "best-fit");
            foreach (var r in g)
            {
                string vs = best is null || r == best ? "" : $"{100 * (r.UnallocatedGpus - best.UnallocatedGpus) / Math.Max(best.UnallocatedGpus, 1e-9):+0;-0} % unallocated";
                sb.AppendLine(Inv, $"| {g.Key} | {r.Policy} | {r.Pods:N0} | {r.ArrivedGpus:F0} | {r.UnallocatedGpus:F0} | {r.UnallocatedPct:F2} % | {r.AllocationRatePct:F2} % | {r.FragmentGpus:F0} | {vs} | {r.WallSeconds:F1} |");
            }
        }
        sb.AppendLine();
        sb.AppendLine("FGD paper (medians of 10 seeds at 100 % arrived, their simulator): default best-fit 7.09 %, FGD 4.77 %; gpushare100 15.40 % / 13.36 %; multigpu50 4.43 % / 2.91 %; gpuspec33 19.59 % / 12.12 %.");
        return sb.ToString();
    }

    public string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"Measured by `gts sim` on {MachineInfo.Cpu()}, {Environment.ProcessorCount} cores, {_started:yyyy-MM-dd HH:mm} UTC; 1-minute load average {_loadAtStart:F2} at the start (the machine is shared). Command: `dotnet run -c Release --project src/Gts.Cli -- {commandLine}`. The simulator is deterministic (no random choices); the cycle benchmark's cluster and queue come from seed 1.");
        sb.AppendLine();
        foreach (var p in _parts) { sb.AppendLine(p); }
        if (_alibaba.Count > 0)
        {
            sb.AppendLine(AlibabaPart());
            _plots.Add(Plots.Unallocated(Path.Combine(plotDir, "sim-alibaba-unallocated.png"), _alibaba));
        }
        return sb.ToString();
    }

    public void WriteInto(string benchmarksPath)
    {
        if (!File.Exists(benchmarksPath))
            throw new Core.Errors.GtsException(Core.Errors.ErrorKind.NotFound, $"benchmarks page '{benchmarksPath}' does not exist",
                "run from the repository root, pass --benchmarks <FILE>, or --benchmarks \"\" to skip writing", new Core.Errors.SourceLocation(benchmarksPath));
        Directory.CreateDirectory(plotDir);
        string body = Render();
        string dir = Path.GetDirectoryName(Path.GetFullPath(benchmarksPath))!;
        if (_plots.Count > 0)
            body += "\n" + string.Join("\n", _plots.Select(p => $"![{Path.GetFileNameWithoutExtension(p)}]({Path.GetRelativePath(dir, p).Replace('\\', '/')})")) + "\n";
        BenchmarkSection.WriteInto(benchmarksPath, "dispatch", "### Simulator", body);
    }

    private static string Verdict2(double p50, double p99) =>
        p99 <= 10 ? "met" : p50 <= 10 ? "p50 met, p99 **missed**" : "**missed**";

    private static string Verdict(double value, double target, string unit = "h") =>
        value <= target ? $"≤ {target.ToString(Inv)} {unit}: met" : $"≤ {target.ToString(Inv)} {unit}: **missed**";
}
