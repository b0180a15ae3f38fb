using Gts.Planner.Models;
using Gts.Planner.Parallel;

namespace Gts.Planner.Timing;

/// <summary>Floating-point operations of transformer training (a multiply-add counts 2).</summary>
public static class ModelFlops
{
    /// <summary>Forward FLOPs of one layer for one sequence: the four attention projections and the MLP GEMMs,
    /// 2·s·(4h² + k·h·f), plus the attention core QKᵀ and A·V, 4·s²·h.</summary>
    public static double LayerForwardPerSequence(TransformerModel m)
    {
        double s = m.SeqLength, h = m.Hidden, f = m.FfnHidden;
        return 2 * s * (4 * h * h + m.MlpMatrices * h * f) + 4 * s * s * h;
    }

    /// <summary>Forward FLOPs of the output (logit) layer for one sequence: 2·s·h·V.</summary>
    public static double LogitsForwardPerSequence(TransformerModel m) => 2.0 * m.SeqLength * m.Hidden * m.Vocab;

    /// <summary>Model FLOPs of one iteration over <paramref name="globalBatch"/> sequences: forward + backward (3× forward), no recomputation.</summary>
    public static double Model(TransformerModel m, int globalBatch) =>
        3.0 * globalBatch * (m.Layers * LayerForwardPerSequence(m) + LogitsForwardPerSequence(m));

    /// <summary>FLOPs the hardware executes, counting the recomputed forward pass (whole layers under full
    /// recomputation, the attention core under selective recomputation).</summary>
    public static double Hardware(TransformerModel m, int globalBatch, Recompute recompute)
    {
        double s = m.SeqLength, h = m.Hidden;
        double extraPerLayer = recompute switch
        {
            Recompute.Full => LayerForwardPerSequence(m),
            Recompute.Selective => 4 * s * s * h,
            _ => 0,
        };
        return Model(m, globalBatch) + globalBatch * m.Layers * extraPerLayer;
    }

    /// <summary>Narayanan et al. 2021, Eq. 3: FLOPs per iteration with full recomputation for a GPT with f = 4h,
    /// 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h)).</summary>
    public static double Megatron(double globalBatch, double s, double layers, double h, double vocab) =>
        96 * globalBatch * s * layers * h * h * (1 + s / (6 * h) + vocab / (16 * layers * h));

    /// <summary>PaLM (Chowdhery et al. 2022, App. B) / llm-foundry model FLOPs per token: 6·N + 12·L·h·s.</summary>
    public static double PerTokenSixN(double parameters, double layers, double h, double s) => 6 * parameters + 12 * layers * h * s;
}
