namespace Gts.Neural.Embeddings;

/// <summary>The size of a BERT encoder stack, for FLOP arithmetic: multiply-adds of the dense layers and of attention.</summary>
public sealed record TransformerShape(int Layers, int Hidden, int FeedForward)
{
    /// <summary>MiniLM-L6 and arctic-embed-xs: 6 layers, 384 wide, 1,536 feed-forward (note section 1).</summary>
    public static TransformerShape MiniLM { get; } = new(6, 384, 1536);

    /// <summary>Dense FLOPs per token: layers x 2 x (4 h^2 (Q, K, V, output) + 2 h f (feed-forward)); 21.2 M for MiniLM.</summary>
    public double DenseFlopsPerToken => Layers * 2.0 * (4.0 * Hidden * Hidden + 2.0 * Hidden * FeedForward);

    /// <summary>FLOPs of one padded batch: dense cost per token plus attention scores and weighted sum (2 x 2 x width x h per token and layer).</summary>
    public double BatchFlops(int rows, int width) => (double)rows * width * (DenseFlopsPerToken + Layers * 4.0 * width * Hidden);
}
