namespace Gts.Neural.Training.Training;

/// <summary>Length-bucketed batches: shuffle, sort by length inside windows of many batches, cut, shuffle the batches,
/// so that each batch holds texts of similar length (little padding) while the order stays random.</summary>
public static class LengthBuckets
{
    /// <summary>Window of batches sorted together; large enough to cut padding, small enough to keep batches varied.</summary>
    public const int WindowBatches = 50;

    /// <summary>Batches of example indices; every index appears exactly once.</summary>
    public static IReadOnlyList<int[]> Batches(IReadOnlyList<int> lengths, int batchSize, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = Enumerable.Range(0, lengths.Count).ToArray();
        random.Shuffle(order);
        var batches = new List<int[]>();
        int window = batchSize * WindowBatches;
        for (int start = 0; start < order.Length; start += window)
        {
            var chunk = order.AsSpan(start, Math.Min(window, order.Length - start)).ToArray();
            Array.Sort(chunk, (a, b) => lengths[a].CompareTo(lengths[b]));
            for (int i = 0; i < chunk.Length; i += batchSize) batches.Add(chunk[i..Math.Min(i + batchSize, chunk.Length)]);
        }
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }
}
