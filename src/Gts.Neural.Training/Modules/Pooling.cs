using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>How a sentence vector is read from last_hidden_state.</summary>
public enum PoolingKind
{
    /// <summary>Mean over real tokens ([CLS] and [SEP] included, padding excluded): all-MiniLM-L6-v2.</summary>
    Mean,

    /// <summary>The first token: snowflake-arctic-embed-xs.</summary>
    Cls,
}

/// <summary>Sentence pooling over last_hidden_state.</summary>
public static class Pooling
{
    /// <summary>hidden [batch, seq, h], attentionMask int64 [batch, seq] -> [batch, h].</summary>
    public static Tensor Pool(Tensor hidden, Tensor attentionMask, PoolingKind kind)
    {
        if (kind == PoolingKind.Cls) return hidden.select(1, 0);
        var mask = attentionMask.to_type(hidden.dtype).unsqueeze(-1);
        return (hidden * mask).sum(1) / mask.sum(1).clamp_min(1e-9);
    }
}
