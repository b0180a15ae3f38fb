using Gts.Planner.Parallel;

namespace Gts.Planner.Memory;

/// <summary>Activation bytes one transformer layer stores for one micro-batch, after Korthikanti et al. 2022
/// ("Reducing Activation Recomputation in Large Transformer Models", Table 2): s·b·h·(34 + 5·a·s/h) without
/// parallelism; with tensor parallelism t the 24 split bytes and the 5·a·s/h score bytes divide by t while 10
/// stay replicated; sequence parallelism divides those 10 too; selective recomputation (or a fused attention
/// kernel) drops the score term; full recomputation keeps only the layer input, 2·s·b·h (divided by t under SP).</summary>
public static class ActivationMemory
{
    /// <summary>Bytes stored per layer per micro-batch.</summary>
    public static double PerLayer(double s, double b, double h, double a, int t, bool sequenceParallel,
        Recompute recompute, bool fusedAttention = false)
    {
        if (recompute == Recompute.Full) return 2 * s * b * h / (sequenceParallel ? t : 1);
        double replicated = sequenceParallel ? 10.0 / t : 10.0;
        double scores = recompute == Recompute.Selective || fusedAttention ? 0 : 5 * a * s / (h * t);
        return s * b * h * (replicated + 24.0 / t + scores);
    }

    /// <summary>Micro-batches whose activations the first (fullest) pipeline stage holds at its peak, in units of
    /// one whole stage: GPipe all m; 1F1B min(p, m); interleaved 1F1B p·(1 + (p−1)/(p·v)) (Korthikanti et al., Sec. 4.2.3).</summary>
    public static double InFlightMicroBatches(PipelineSchedule schedule, int p, int m, int v)
    {
        if (p <= 1) return 1;
        return schedule switch
        {
            PipelineSchedule.GPipe => m,
            PipelineSchedule.OneFOneB => Math.Min(p, m),
            PipelineSchedule.Interleaved => Math.Min(p + (p - 1.0) / v, m),
            _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, null),
        };
    }
}
