using Gts.Neural.Models;

namespace Gts.Neural.Embeddings;

/// <summary>Pools one text's token states into an L2-normalised sentence vector, accumulating in double.</summary>
public static class SentencePooling
{
    /// <summary>Pools the first <paramref name="realTokens"/> rows of a row-major [sequence, hidden] block (padding rows after them
    /// are ignored). Mean: average of the real rows; Cls: row 0. Then divided by max(L2 norm, 1e-12) as sentence-transformers.</summary>
    public static float[] Pool(ReadOnlySpan<float> states, int realTokens, int hidden, PoolingMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(realTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        if (states.Length < realTokens * hidden)
            throw new ArgumentException($"states hold {states.Length} values, fewer than {realTokens} tokens x {hidden}.", nameof(states));

        var sum = new double[hidden];
        int rows = mode == PoolingMode.Cls ? 1 : realTokens;
        for (int t = 0; t < rows; t++)
        {
            var row = states.Slice(t * hidden, hidden);
            for (int h = 0; h < hidden; h++) sum[h] += row[h];
        }
        double norm = 0;
        for (int h = 0; h < hidden; h++)
        {
            sum[h] /= rows;
            norm += sum[h] * sum[h];
        }
        norm = Math.Max(Math.Sqrt(norm), 1e-12);
        var result = new float[hidden];
        for (int h = 0; h < hidden; h++) result[h] = (float)(sum[h] / norm);
        return result;
    }
}
