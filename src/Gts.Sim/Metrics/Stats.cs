namespace Gts.Sim.Metrics;

/// <summary>Order statistics used by the simulator's tables.</summary>
public static class Stats
{
    /// <summary>The p-quantile (0..1) by linear interpolation between closest ranks.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        double rank = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
