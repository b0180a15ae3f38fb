namespace Gts.Neural.Embeddings;

/// <summary>The frozen-encoder feature of a sentence pair: [u, v, |u - v|, u * v] (InferSent / SentEval / SBERT), not re-normalised.</summary>
public static class PairFeatures
{
    public static float[] Combine(ReadOnlySpan<float> u, ReadOnlySpan<float> v)
    {
        if (u.Length != v.Length) throw new ArgumentException($"pair sides differ in length: {u.Length} vs {v.Length}.", nameof(v));
        int d = u.Length;
        var result = new float[4 * d];
        u.CopyTo(result);
        v.CopyTo(result.AsSpan(d));
        for (int i = 0; i < d; i++)
        {
            result[2 * d + i] = Math.Abs(u[i] - v[i]);
            result[3 * d + i] = u[i] * v[i];
        }
        return result;
    }
}
