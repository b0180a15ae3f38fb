using Gts.Planner.Hardware;
using Gts.Planner.Memory;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Timing;

namespace Gts.Planner.Story;

/// <summary>The seed's worked case: a 3.9B BERT on 8-GPU A100 nodes whose step was 60 % gradient all-reduce,
/// tuned by TP 4 → gradient accumulation → ZeRO with micro-batch 6 → PP 4 (measured relative throughput
/// 1 → 1.56 → 5.28 → 7.75 → 8.45). The talk does not give the node count, batch or accumulation steps; the
/// planner's assumptions, read literally from the talk: 4 nodes (32 GPUs, the fewest that hold TP 4 × PP 4 × DP 2)
/// whose inter-node bandwidth is not known either, so it is inferred from the one measured fact, the 60 %
/// all-reduce share of the first step (bisection on the per-GPU NIC bandwidth);
/// the first three steps keep the largest micro-batch that fits data-parallel training (the talk changes the
/// micro-batch only at the ZeRO step, to 6); no accumulation before step 3, then 16 accumulation steps; ZeRO
/// stage 1 (DeepSpeed's default); no recomputation; attention not fused (2021 kernels).</summary>
public static class BertStory
{
    /// <summary>The talk's measured throughput relative to the first step.</summary>
    public static IReadOnlyList<double> TalkRelative { get; } = [1, 1.56, 5.28, 7.75, 8.45];

    /// <summary>Accumulation steps assumed from step 3 on.</summary>
    public const int AccumulationSteps = 16;

    /// <summary>The five steps as the planner predicts them on <paramref name="cluster"/> (default: 4 × DGX A100 80 GB).</summary>
    public static IReadOnlyList<StoryStep> Run(EfficiencyParameters eff, ClusterSpec? cluster = null)
    {
        cluster ??= WithMeasuredShare(eff, ClusterPresets.Find("dgx-a100-80gb:4")!, 0.60);
        return Steps(eff, cluster);
    }

    /// <summary>The cluster with the per-GPU inter-node bandwidth at which the first step's exposed gradient
    /// all-reduce takes <paramref name="share"/> of the step.</summary>
    public static ClusterSpec WithMeasuredShare(EfficiencyParameters eff, ClusterSpec cluster, double share)
    {
        double lo = Math.Log(1e7), hi = Math.Log(1e12);
        for (int i = 0; i < 80; i++)
        {
            double mid = (lo + hi) / 2;
            var trial = cluster with { InterNode = cluster.InterNode with { BytesPerSecond = Math.Exp(mid) } };
            if (Steps(eff, trial)[0].GradientSyncShare > share) lo = mid; else hi = mid;
        }
        return cluster with { InterNode = cluster.InterNode with { BytesPerSecond = Math.Exp((lo + hi) / 2) } };
    }

    private static IReadOnlyList<StoryStep> Steps(EfficiencyParameters eff, ClusterSpec cluster)
    {
        var model = ModelPresets.Find("bert-3.9b")!;
        int n = cluster.TotalGpus;
        int baseMb = LargestFitting(model, cluster, n, 1, 1, 0, 1);
        int tpMb = baseMb;
        var steps = new (string Change, ParallelConfig Config, int Batch)[]
        {
            ("data parallel only", ParallelConfig.Simple(n, 1, 1, baseMb), n * baseMb),
            ("+ TP 4", ParallelConfig.Simple(n / 4, 4, 1, tpMb), n / 4 * tpMb),
            ($"+ gradient accumulation ×{AccumulationSteps}", ParallelConfig.Simple(n / 4, 4, 1, tpMb), n / 4 * tpMb * AccumulationSteps),
            ("+ ZeRO-1, micro-batch 6", ParallelConfig.Simple(n / 4, 4, 1, 6) with { ZeroStage = 1 }, n / 4 * 6 * AccumulationSteps),
            ("+ PP 4 (1F1B)", ParallelConfig.Simple(n / 16, 4, 4, 6) with { ZeroStage = 1 }, n / 4 * 6 * AccumulationSteps),
        };
        var result = new List<StoryStep>();
        double baseline = 0;
        for (int i = 0; i < steps.Length; i++)
        {
            var (change, config, batch) = steps[i];
            var settings = new TrainingSettings(batch, FusedAttention: false);
            var time = TimeModel.Estimate(model, cluster, config, settings, eff);
            var mem = MemoryModel.Estimate(model, config, settings);
            double samples = batch / time.Total;
            if (i == 0) baseline = samples;
            result.Add(new StoryStep(change, config, batch, mem, time, samples, samples / baseline, TalkRelative[i], cluster.InterNode.BytesPerSecond));
        }
        return result;
    }

    private static int LargestFitting(TransformerModel model, ClusterSpec cluster, int dp, int tp, int pp, int zero, int accumulation)
    {
        int best = 0;
        for (int mb = 1; mb <= 64; mb++)
        {
            var config = ParallelConfig.Simple(dp, tp, pp, mb) with { ZeroStage = zero };
            var settings = new TrainingSettings(dp * mb * accumulation, FusedAttention: false);
            if (MemoryModel.Estimate(model, config, settings).Total <= MemoryModel.Usable(cluster.Gpu.MemoryBytes, settings)) best = mb;
        }
        return Math.Max(best, 1);
    }
}
