using Gts.Core.Data;

namespace Gts.Factory.Generation;

/// <summary>Ranks pool texts by their nearest labelled example (cosine of unit-length sentence embeddings), so
/// that a large pool is cut to the texts most like the task's labelled data.</summary>
public static class NeighbourMiner
{
    /// <summary>The indices of the <paramref name="keep"/> pool texts most similar to any labelled text, best first.</summary>
    public static int[] Nearest(IReadOnlyList<float[]> labelled, IReadOnlyList<float[]> pool, int keep)
    {
        var best = new float[pool.Count];
        for (int i = 0; i < pool.Count; i++)
        {
            float max = float.NegativeInfinity;
            foreach (var l in labelled)
            {
                float dot = Dot(pool[i], l);
                if (dot > max) max = dot;
            }
            best[i] = max;
        }
        return Enumerable.Range(0, pool.Count).OrderByDescending(i => best[i]).ThenBy(i => i).Take(keep).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        float s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>The pool examples at the given indices.</summary>
    public static IReadOnlyList<Example> Select(IReadOnlyList<Example> pool, IEnumerable<int> indices) => indices.Select(i => pool[i]).ToList();
}
