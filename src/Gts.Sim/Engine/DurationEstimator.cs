namespace Gts.Sim.Engine;

/// <summary>Run-time estimates from history: the median run time of the last finished jobs with the same key,
/// else of all finished jobs, else one hour.</summary>
internal sealed class DurationEstimator
{
    private const int Window = 64;
    private readonly Dictionary<string, List<double>> _byKey = new(StringComparer.Ordinal);
    private readonly List<double> _all = [];

    public void Record(string key, double seconds)
    {
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        Push(list, seconds);
        Push(_all, seconds);
    }

    public double Estimate(string key) =>
        _byKey.TryGetValue(key, out var list) && list.Count > 0 ? Median(list) : _all.Count > 0 ? Median(_all) : 3600;

    private static void Push(List<double> list, double v)
    {
        if (list.Count == Window) list.RemoveAt(0);
        list.Add(v);
    }

    private static double Median(List<double> list)
    {
        var sorted = list.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }
}
