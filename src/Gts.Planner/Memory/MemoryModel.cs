using Gts.Planner.Models;
using Gts.Planner.Parallel;

namespace Gts.Planner.Memory;

/// <summary>Peak memory of the fullest GPU for a model, a configuration and the training settings: the first
/// pipeline stage (most micro-batches in flight) or the last (logits), whichever holds more.</summary>
public static class MemoryModel
{
    /// <summary>Parameters held by one GPU of a pipeline stage that also holds the (tied) embedding, before ZeRO.</summary>
    public static double ParamsPerRank(TransformerModel model, ParallelConfig c) =>
        (model.Layers / (double)c.Pp * model.ParamsPerLayer + model.EmbeddingParams) / c.Tp;

    /// <summary>The peak-stage breakdown in bytes.</summary>
    public static MemoryBreakdown Estimate(TransformerModel model, ParallelConfig c, TrainingSettings settings)
    {
        var (w, g, o) = ModelStateMemory.PerGpu(ParamsPerRank(model, c), c.Dp, c.ZeroStage, settings, c.CpuOffload);
        double s = model.SeqLength, b = c.MicroBatch, h = model.Hidden;
        int m = c.MicroBatches(settings.GlobalBatch);
        double layersPerStage = model.Layers / (double)c.Pp;
        double perLayer = ActivationMemory.PerLayer(s, b, h, model.Heads, c.Tp, c.SequenceParallel, c.Recompute, settings.FusedAttention);
        // Recomputing a layer rebuilds its full activations for one micro-batch during its backward pass.
        double rebuild = c.Recompute == Recompute.None ? 0
            : ActivationMemory.PerLayer(s, b, h, model.Heads, c.Tp, c.SequenceParallel, Recompute.None, settings.FusedAttention);
        double inFlightFirst = ActivationMemory.InFlightMicroBatches(c.Schedule, c.Pp, Math.Max(1, m), Math.Max(1, c.VirtualStages));
        double inFlightLast = c.Schedule == PipelineSchedule.GPipe && c.Pp > 1 ? m : 1;
        // ZeRO-3 gathers the next layer while computing this one: two layers of full 16-bit weights.
        double gather = c.ZeroStage == 3 ? 2 * settings.WeightBytes * model.ParamsPerLayer / c.Tp : 0;
        // Logits and their gradient in fp32 for the cross-entropy (vocabulary split over TP).
        double logits = 2 * 4 * s * b * model.Vocab / c.Tp;
        double firstAct = inFlightFirst * layersPerStage * perLayer;
        double lastAct = inFlightLast * layersPerStage * perLayer;
        double firstBuf = rebuild + gather + (c.Pp == 1 ? logits : 0);
        double lastBuf = rebuild + gather + logits;
        return firstAct + firstBuf >= lastAct + lastBuf
            ? new MemoryBreakdown(w, g, o, firstAct, firstBuf)
            : new MemoryBreakdown(w, g, o, lastAct, lastBuf);
    }

    /// <summary>Bytes a job may use on one GPU (the rest is CUDA context and allocator fragmentation).</summary>
    public static double Usable(double gpuMemoryBytes, TrainingSettings settings) => gpuMemoryBytes * settings.UsableMemoryFraction;
}
