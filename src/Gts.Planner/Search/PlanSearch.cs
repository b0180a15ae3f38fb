using Gts.Core.Errors;
using Gts.Planner.Hardware;
using Gts.Planner.Memory;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Timing;

namespace Gts.Planner.Search;

/// <summary>Enumerates every valid configuration on all GPUs of a cluster, drops those that do not fit in
/// memory and ranks the rest by predicted throughput. Rules: DP × TP × PP = GPUs; TP within a node and
/// dividing heads and FFN width; PP dividing the layers; DP dividing the global batch and the micro-batch
/// dividing each replica's share; interleaving needs PP &gt; 1 and micro-batches a multiple of PP (Megatron);
/// ZeRO-2/3 only without pipeline parallelism (DeepSpeed); sequence parallelism only with TP &gt; 1;
/// CPU offload only with ZeRO ≥ 1.</summary>
public static class PlanSearch
{
    /// <summary>The <paramref name="top"/> fastest fitting configurations.</summary>
    public static SearchResult Rank(TransformerModel model, ClusterSpec cluster, TrainingSettings settings,
        EfficiencyParameters eff, int top = 10, SearchLimits? limits = null)
    {
        limits ??= SearchLimits.None;
        if (settings.GlobalBatch < 1)
            throw new GtsException(ErrorKind.InvalidInput, $"global batch is {settings.GlobalBatch}", "give a global batch ≥ 1 sequence",
                new SourceLocation("settings", 0, "global-batch"));
        int n = cluster.TotalGpus;
        double usable = MemoryModel.Usable(cluster.Gpu.MemoryBytes, settings);
        // Min-heap on (throughput, −memory): the worst kept plan is dequeued first; on equal throughput the plan
        // needing more memory is the worse (GPipe ties 1F1B in time but holds more activations).
        var best = new PriorityQueue<RankedPlan, (double Samples, double Bytes)>(top + 1, WorseFirst);
        long enumerated = 0, fitting = 0;
        (double Bytes, ParallelConfig Config)? smallest = null;

        foreach (var c in Enumerate(model, cluster, settings, limits))
        {
            enumerated++;
            var mem = MemoryModel.Estimate(model, c, settings);
            if (smallest is null || mem.Total < smallest.Value.Bytes) smallest = (mem.Total, c);
            if (mem.Total > usable) continue;
            fitting++;
            var time = TimeModel.Estimate(model, cluster, c, settings, eff);
            double samples = settings.GlobalBatch / time.Total;
            if (best.Count == top && best.TryPeek(out _, out var worst) && WorseFirst.Compare((samples, mem.Total), worst) <= 0) continue;
            double tflops = ModelFlops.Model(model, settings.GlobalBatch) / time.Total / n / 1e12;
            best.Enqueue(new RankedPlan(c, mem, time, samples, tflops, tflops * 1e12 / cluster.Gpu.PeakFlops), (samples, mem.Total));
            if (best.Count > top) best.Dequeue();
        }

        if (enumerated == 0)
            throw new GtsException(ErrorKind.InvalidInput,
                $"no DP × TP × PP split of {n} GPUs fits model '{model.Name}' ({model.Layers} layers, {model.Heads} heads) with global batch {settings.GlobalBatch}",
                "choose a GPU count and global batch with common divisors (e.g. powers of two), or layers and heads divisible by the pipeline and tensor degrees",
                new SourceLocation("settings", 0, "global-batch"));
        if (fitting == 0)
            throw new GtsException(ErrorKind.Infeasible,
                $"model '{model.Name}' ({model.ParamCount / 1e9:F1}B parameters) fits on no configuration of {n} × {cluster.Gpu.Name}: the smallest footprint is {smallest!.Value.Bytes / 1e9:F1} GB per GPU ({smallest.Value.Config}) against {usable / 1e9:F1} GB usable",
                "use more GPUs (--cluster <preset>:<more nodes>), GPUs with more memory, or a smaller global batch",
                new SourceLocation("cluster", 0, "nodes"));

        var ranked = new List<RankedPlan>(best.Count);
        while (best.Count > 0) ranked.Add(best.Dequeue());
        ranked.Reverse();
        return new SearchResult(ranked, enumerated, fitting);
    }

    private static readonly Comparer<(double Samples, double Bytes)> WorseFirst = Comparer<(double Samples, double Bytes)>.Create(
        (a, b) => a.Samples != b.Samples ? a.Samples.CompareTo(b.Samples) : b.Bytes.CompareTo(a.Bytes));

    /// <summary>Every structurally valid configuration (before the memory check).</summary>
    public static IEnumerable<ParallelConfig> Enumerate(TransformerModel model, ClusterSpec cluster, TrainingSettings settings, SearchLimits limits)
    {
        int n = cluster.TotalGpus, batch = settings.GlobalBatch;
        foreach (int t in Divisors(n))
        {
            if (t > cluster.GpusPerNode || model.Heads % t != 0 || model.FfnHidden % t != 0 || (limits.Tp is { } ft && ft != t)) continue;
            foreach (int p in Divisors(n / t))
            {
                if (model.Layers % p != 0 || (limits.Pp is { } fp && fp != p)) continue;
                int d = n / (t * p);
                if (batch % d != 0 || (limits.Dp is { } fd && fd != d)) continue;
                int perReplica = batch / d;
                foreach (int b in Divisors(perReplica))
                {
                    if (limits.MicroBatch is { } fb && fb != b) continue;
                    int m = perReplica / b;
                    foreach (var (schedule, v) in Schedules(model, p, m, limits))
                        for (int zero = 0; zero <= 3; zero++)
                        {
                            if ((limits.ZeroStage is { } fz && fz != zero) || zero > limits.MaxZeroStage || (p > 1 && zero > 1) || (d == 1 && zero > 0 && limits.ZeroStage is null)) continue;
                            for (int off = 0; off <= (zero >= 1 && limits.AllowOffload ? 1 : 0); off++)
                                for (var rc = Recompute.None; rc <= Recompute.Full; rc++)
                                {
                                    if ((limits.Recompute is { } fr && fr != rc) || (rc == Recompute.Selective && !limits.AllowSelectiveRecompute)) continue;
                                    for (int sp = 0; sp <= (t > 1 && limits.AllowSequenceParallel ? 1 : 0); sp++)
                                    {
                                        if (limits.SequenceParallel is { } fs && fs != (sp == 1)) continue;
                                        yield return new ParallelConfig(d, t, p, v, b, zero, rc, sp == 1, schedule, off == 1);
                                    }
                                }
                        }
                }
            }
        }
    }

    private static IEnumerable<(PipelineSchedule, int)> Schedules(TransformerModel model, int p, int m, SearchLimits limits)
    {
        if (p == 1)
        {
            if (limits.VirtualStages is null or 1) yield return (PipelineSchedule.OneFOneB, 1);
            yield break;
        }
        if (limits.VirtualStages is null or 1)
        {
            yield return (PipelineSchedule.GPipe, 1);
            yield return (PipelineSchedule.OneFOneB, 1);
        }
        if (m % p != 0) yield break;
        foreach (int v in Divisors(model.Layers / p))
            if (v > 1 && (limits.VirtualStages is null || limits.VirtualStages == v))
                yield return (PipelineSchedule.Interleaved, v);
    }

    /// <summary>Divisors of <paramref name="n"/> in increasing order.</summary>
    public static IEnumerable<int> Divisors(int n)
    {
        var high = new List<int>();
        for (int i = 1; (long)i * i <= n; i++)
        {
            if (n % i != 0) continue;
            yield return i;
            if (i != n / i) high.Add(n / i);
        }
        for (int j = high.Count - 1; j >= 0; j--) yield return high[j];
    }
}
