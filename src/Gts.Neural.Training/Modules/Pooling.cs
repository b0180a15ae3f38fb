using Gts.Neural.Models;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>Sentence pooling over last_hidden_state, the same modes as inference (<see cref="PoolingMode"/>).</summary>
public static class Pooling
{
    /// <summary>hidden [batch, seq, h], attentionMask int64 [batch, seq] -> [batch, h].</summary>
    public static Tensor Pool(Tensor hidden, Tensor attentionMask, PoolingMode mode)
    {
        if (mode == PoolingMode.Cls) return hidden.select(1, 0);
        var mask = attentionMask.to_type(hidden.dtype).unsqueeze(-1);
        return (hidden * mask).sum(1) / mask.sum(1).clamp_min(1e-9);
    }
}
