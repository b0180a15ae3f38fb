namespace Gts.Neural.Embeddings;

/// <summary>Plans length-bucketed batches: indices sorted by token count (stable, ties by original index), cut into
/// consecutive batches, so each batch pads to a length close to its members'. Sorting doubles throughput (note section 4).</summary>
public static class LengthBatches
{
    public static IReadOnlyList<int[]> Plan(IReadOnlyList<int> lengths, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = new int[lengths.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = new int[lengths.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = lengths[i];
        // Array.Sort is unstable; sorting on (length, index) pairs makes the order deterministic and stable.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var batches = new List<int[]>((order.Length + batchSize - 1) / batchSize);
        for (int start = 0; start < order.Length; start += batchSize)
            batches.Add(order[start..Math.Min(order.Length, start + batchSize)]);
        return batches;
    }
}
