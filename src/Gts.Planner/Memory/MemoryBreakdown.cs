namespace Gts.Planner.Memory;

/// <summary>Bytes one GPU holds at its peak, by kind: model states (weights, gradients, optimizer states),
/// stored activations and working buffers (logits, ZeRO-3 gather buffers, one layer's recomputation).</summary>
public readonly record struct MemoryBreakdown(double Weights, double Gradients, double OptimizerStates, double Activations, double Buffers)
{
    /// <summary>Sum of all parts in bytes.</summary>
    public double Total => Weights + Gradients + OptimizerStates + Activations + Buffers;

    /// <summary>Model states only (what the ZeRO paper counts).</summary>
    public double ModelStates => Weights + Gradients + OptimizerStates;
}
