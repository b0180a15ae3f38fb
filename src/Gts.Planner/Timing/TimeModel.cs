using Gts.Planner.Hardware;
using Gts.Planner.Memory;
using Gts.Planner.Models;
using Gts.Planner.Parallel;

namespace Gts.Planner.Timing;

/// <summary>Predicts the seconds of one training iteration, term by term. Ranks are ordered as in Megatron
/// (tensor-parallel innermost, then data-parallel, then pipeline), so a TP group sits in a node and the
/// data-parallel and pipeline links are NVLink only while TP × DP fits in a node. Per micro-batch a stage runs
/// forward, backward (twice the forward) and any recomputation; the pipeline takes m micro-batch slots of its
/// slowest (last, with the logits) stage plus the bubble of (p−1)/v slots (Narayanan et al. 2021, Sec. 2.2).</summary>
public static class TimeModel
{
    /// <summary>The iteration-time breakdown; the configuration must be valid for the model and batch.</summary>
    public static TimeBreakdown Estimate(TransformerModel model, ClusterSpec cluster, ParallelConfig c,
        TrainingSettings settings, EfficiencyParameters eff)
    {
        var gpu = cluster.Gpu;
        double flopRate = gpu.PeakFlops * eff.PeakFractionFor(gpu.Family);
        double k0 = eff.GemmHalfSize;
        double s = model.SeqLength, b = c.MicroBatch, h = model.Hidden, f = model.FfnHidden, a = model.Heads;
        int t = c.Tp, p = c.Pp, d = c.Dp, v = Math.Max(1, c.VirtualStages);
        int m = c.MicroBatches(settings.GlobalBatch);
        double rows = b * s;

        double Gemm(double mRows, double n, double k) =>
            2 * mRows * n * k / (flopRate * mRows / (mRows + k0) * n / (n + k0) * k / (k + k0));

        // One layer's forward on one GPU: projections, MLP, attention core (b·a/t heads of s×s×d_head).
        double projections = Gemm(rows, 3 * h / t, h) + Gemm(rows, h, h / t);
        double mlp = Gemm(rows, (model.MlpMatrices - 1) * f / t, h) + Gemm(rows, h, f / t);
        double heads = b * a / t, dh = model.HeadDim;
        double attention = heads * (Gemm(s, s, dh) + Gemm(s, dh, s));
        double stored = ActivationMemory.PerLayer(s, b, h, a, t, c.SequenceParallel, Recompute.None, settings.FusedAttention);
        double scoreBytes = settings.FusedAttention ? 0 : 5 * a * s / (h * t) * s * b * h;
        double elementwise = eff.ElementwiseFactor * stored / gpu.HbmBytesPerSecond;
        double layerGemm = projections + mlp + attention;

        double recomputePerLayer = c.Recompute switch
        {
            Recompute.Full => layerGemm + elementwise,
            Recompute.Selective => attention + eff.ElementwiseFactor * scoreBytes / gpu.HbmBytesPerSecond,
            _ => 0,
        };

        var intra = Scale(cluster.IntraNode, eff.BandwidthEfficiency);
        var inter = Scale(cluster.InterNode, eff.BandwidthEfficiency);
        var tpLink = t <= cluster.GpusPerNode ? intra : inter;
        // A data-parallel group with k members per node runs k NCCL rings side by side, one per NIC, so
        // across nodes it moves data at k NICs' bandwidth (capped by NVLink).
        int membersPerNode = Math.Max(1, Math.Min(d, cluster.GpusPerNode / t));
        var dpLink = t * d <= cluster.GpusPerNode ? intra
            : inter with { BytesPerSecond = Math.Min(intra.BytesPerSecond, membersPerNode * inter.BytesPerSecond) };
        var ppLink = t * d < cluster.GpusPerNode ? intra : inter;

        double activationBytes = settings.ActivationBytes * rows * h;
        int tpCollectives = c.Recompute == Recompute.Full ? 6 : 4;
        double tpPerLayer = t > 1 ? tpCollectives * Collectives.AllReduce(activationBytes, t, tpLink) : 0;

        double layers = model.Layers / (double)p;
        double computeMb = layers * 3 * layerGemm;
        double elementMb = layers * 3 * elementwise;
        double recomputeMb = layers * recomputePerLayer;
        double tpMb = layers * tpPerLayer;
        double logitsMb = 3 * Gemm(rows, model.Vocab / (double)t, h);
        double p2pMb = p > 1 ? 2 * v * Collectives.PointToPoint(activationBytes / t, ppLink) : 0;
        double slotMiddle = computeMb + elementMb + recomputeMb + tpMb + p2pMb;
        double bubble = p > 1 ? (p - 1.0) / v * slotMiddle : 0;

        // Gradient synchronisation and ZeRO traffic over the data-parallel group.
        double rankParams = MemoryModel.ParamsPerRank(model, c);
        double gradBytes = settings.GradientBytes * rankParams;
        double weightBytes = settings.WeightBytes * rankParams;
        double backwardMb = layers * 2 * (layerGemm + elementwise);
        double dpFull = 0, dpExposed = 0, zeroExposed = 0;
        switch (c.ZeroStage)
        {
            case 0:
            case 1:
                dpFull = Collectives.AllReduce(gradBytes, d, dpLink);
                dpExposed = Math.Max(0, dpFull - eff.Overlap * backwardMb);
                break;
            case 2:
                double reduceScatter = Collectives.AllGather(gradBytes, d, dpLink);
                double gatherOnce = Collectives.AllGather(weightBytes, d, dpLink);
                dpFull = m * reduceScatter + gatherOnce;
                zeroExposed = m * Math.Max(0, reduceScatter - eff.Overlap * backwardMb);
                dpExposed = gatherOnce;
                break;
            case 3:
                // Gathered and reduce-scattered layer by layer: 3 collectives per layer, each paying the ring's latency.
                double perMb = 2 * Collectives.AllGather(weightBytes, d, dpLink) + Collectives.AllGather(gradBytes, d, dpLink)
                    + 3 * (layers - 1) * (d - 1) * dpLink.LatencySeconds;
                dpFull = m * perMb;
                zeroExposed = m * Math.Max(0, perMb - eff.Overlap * (computeMb + elementMb + recomputeMb));
                break;
        }

        // Adam touches ~16 bytes per owned parameter twice (read and write) plus the 16-bit gradient and weight.
        double ownedParams = rankParams / (c.ZeroStage >= 1 ? d : 1);
        double optimizer = c.CpuOffload ? 0 : ownedParams * (2 * settings.OptimizerBytes + settings.GradientBytes + settings.WeightBytes) / gpu.HbmBytesPerSecond;
        // ZeRO-Offload: gradients down and weights up over PCIe; CPU Adam at ~2e9 parameters/s per node.
        double offload = c.CpuOffload
            ? ownedParams * (settings.GradientBytes + settings.WeightBytes) / cluster.HostLinkBytesPerSecond
              + ownedParams / (2e9 / cluster.GpusPerNode)
            : 0;

        return new TimeBreakdown(
            Compute: m * (computeMb + logitsMb),
            Elementwise: m * elementMb,
            Recompute: m * recomputeMb,
            TensorParallel: m * tpMb,
            PipelineP2P: m * p2pMb,
            Bubble: bubble,
            DataParallel: dpExposed,
            ZeroComm: zeroExposed,
            Optimizer: optimizer,
            Offload: offload,
            DataParallelFull: dpFull);
    }

    private static LinkSpec Scale(LinkSpec link, double efficiency) => link with { BytesPerSecond = link.BytesPerSecond * efficiency };
}
