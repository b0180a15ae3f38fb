namespace Gts.Neural.Embeddings;

/// <summary>Measured embedding speed of one encoder on one text set: per-run texts/s (tokenization + ONNX + pooling) and the work done.</summary>
public sealed record ThroughputResult(string Encoder, int Texts, IReadOnlyList<double> TextsPerSecond, long Tokens, long PaddedTokens, double FlopsPerPass)
{
    public double Median
    {
        get
        {
            var sorted = TextsPerSecond.Order().ToArray();
            int n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /// <summary>GFLOP/s achieved at the median speed.</summary>
    public double GflopsPerSecond => FlopsPerPass / Texts * Median / 1e9;
}
