namespace Gts.Planner.Parallel;

/// <summary>One way to lay a training job on GPUs: data × tensor × pipeline parallel degrees, virtual stages per
/// pipeline rank, sequences per micro-batch, ZeRO stage (0–3), recomputation, Megatron sequence parallelism,
/// the pipeline schedule and CPU offload of the optimizer (ZeRO-Offload).</summary>
public readonly record struct ParallelConfig(int Dp, int Tp, int Pp, int VirtualStages, int MicroBatch, int ZeroStage,
    Recompute Recompute, bool SequenceParallel, PipelineSchedule Schedule, bool CpuOffload = false)
{
    /// <summary>GPUs used: DP × TP × PP.</summary>
    public int Gpus => Dp * Tp * Pp;

    /// <summary>Micro-batches each pipeline runs per iteration for a global batch (gradient-accumulation steps when PP = 1).</summary>
    public int MicroBatches(int globalBatch) => globalBatch / (Dp * MicroBatch);

    /// <summary>A plain configuration: 1F1B, no ZeRO, no recomputation, no sequence parallelism.</summary>
    public static ParallelConfig Simple(int dp, int tp, int pp, int microBatch) =>
        new(dp, tp, pp, 1, microBatch, 0, Recompute.None, false, pp > 1 ? PipelineSchedule.OneFOneB : PipelineSchedule.GPipe);

    public override string ToString()
    {
        var s = $"DP{Dp} TP{Tp} PP{Pp}";
        if (VirtualStages > 1) s += $" v{VirtualStages}";
        s += $" mb{MicroBatch}";
        if (ZeroStage > 0) s += $" ZeRO-{ZeroStage}";
        if (CpuOffload) s += " offload";
        if (SequenceParallel) s += " SP";
        if (Recompute != Recompute.None) s += Recompute == Recompute.Full ? " full-rc" : " sel-rc";
        if (Pp > 1) s += Schedule switch { PipelineSchedule.GPipe => " gpipe", PipelineSchedule.Interleaved => " interleaved", _ => " 1f1b" };
        return s;
    }
}
