namespace Gts.Data.Reports;

/// <summary>Distribution of text lengths: min, median, 90th percentile (nearest rank) and max.</summary>
public sealed record LengthStats(int Min, int P50, int P90, int Max, double Mean)
{
    public static LengthStats Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The statistics of the given lengths (sorted in place).</summary>
    public static LengthStats Of(int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.Length == 0) return Empty;
        Array.Sort(lengths);
        long sum = 0;
        foreach (var l in lengths) sum += l;
        return new LengthStats(lengths[0], Rank(lengths, 0.5), Rank(lengths, 0.9), lengths[^1], (double)sum / lengths.Length);
    }

    // Nearest-rank percentile: the smallest value with at least p of the data at or below it.
    private static int Rank(int[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public override string ToString() => $"{Min} / {P50} / {P90} / {Max}";
}
