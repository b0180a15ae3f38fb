namespace Gts.Planner.Parallel;

/// <summary>What the training run fixes: the global batch in sequences, mixed-precision Adam's bytes per
/// parameter (2 weights + 2 gradients + 12 optimizer states, Rajbhandari et al. 2020), and whether attention
/// runs as one fused kernel (FlashAttention, Dao et al. 2022) that never stores the s×s scores.</summary>
public sealed record TrainingSettings(int GlobalBatch, bool FusedAttention = true,
    double WeightBytes = 2, double GradientBytes = 2, double OptimizerBytes = 12, double UsableMemoryFraction = 0.92)
{
    /// <summary>Bytes of one activation element (fp16/bf16).</summary>
    public double ActivationBytes => 2;
}
