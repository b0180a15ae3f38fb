using Gts.Neural.Training.Text;

namespace Gts.Neural.Training.Tasks;

/// <summary>Batching for evaluation: indices sorted by length (little padding), cut into batches.</summary>
public static class Inference
{
    public static IEnumerable<int[]> SortedBatches(IReadOnlyList<TokenSequence> inputs, int batchSize)
    {
        var order = Enumerable.Range(0, inputs.Count).OrderBy(i => inputs[i].Length).ToArray();
        for (int i = 0; i < order.Length; i += batchSize) yield return order[i..Math.Min(i + batchSize, order.Length)];
    }

    /// <summary>Index of the largest value; ties go to the lower index.</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
