using Microsoft.ML.OnnxRuntime;

namespace Gts.Neural.Embeddings;

/// <summary>Run-time settings of a <see cref="SentenceEncoder"/>; none of them changes the embeddings beyond float noise (note section 4).</summary>
public sealed record EncoderOptions
{
    /// <summary>ONNX Runtime intra-op threads; default min(2, cores). Use the free cores: on a busy 2-core machine 1 beats 2.</summary>
    public int IntraOpThreads { get; init; } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>Texts per ONNX call; texts are sorted by length first, so 16-64 are equivalent.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Maximum ids per text including [CLS] and [SEP].</summary>
    public int MaxLength { get; init; } = Tokenization.BertTokenization.DefaultMaxLength;

    public GraphOptimizationLevel GraphOptimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;
}
