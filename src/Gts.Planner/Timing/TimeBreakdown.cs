namespace Gts.Planner.Timing;

/// <summary>Seconds of one training iteration by cause, on the critical path: GEMM and attention compute,
/// memory-bound elementwise work, recomputation, tensor-parallel collectives, pipeline sends, the pipeline
/// bubble, the exposed data-parallel gradient sync, exposed ZeRO-2/3 gathers and reduce-scatters, the optimizer
/// step and CPU offload traffic. <see cref="DataParallelFull"/> is the gradient sync before overlap.</summary>
public readonly record struct TimeBreakdown(double Compute, double Elementwise, double Recompute, double TensorParallel,
    double PipelineP2P, double Bubble, double DataParallel, double ZeroComm, double Optimizer, double Offload, double DataParallelFull)
{
    /// <summary>Seconds per iteration.</summary>
    public double Total => Compute + Elementwise + Recompute + TensorParallel + PipelineP2P + Bubble + DataParallel + ZeroComm + Optimizer + Offload;

    /// <summary>The terms with their names, in a fixed order.</summary>
    public IReadOnlyList<(string Name, double Seconds)> Terms =>
    [
        ("compute", Compute), ("elementwise", Elementwise), ("recompute", Recompute), ("tp-comm", TensorParallel),
        ("pp-p2p", PipelineP2P), ("bubble", Bubble), ("dp-sync", DataParallel), ("zero-comm", ZeroComm),
        ("optimizer", Optimizer), ("offload", Offload),
    ];
}
