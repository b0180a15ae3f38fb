namespace Gts.Sim.Profiles;

/// <summary>Measured speed of one model (Pollux artifact profiles): step time by (nodes, replicas, local batch),
/// and optimizer steps to reach the training length at each global batch size.</summary>
public sealed class ModelProfile
{
    private readonly Dictionary<(int Nodes, int Replicas), (double[] Bsz, double[] Step, double[] Sync)> _table;
    private readonly int[] _nodeCounts;
    private readonly Dictionary<int, double> _iterations;

    internal ModelProfile(string name, int maxEpochs, Dictionary<(int, int), List<(double Bsz, double Step, double Sync)>> rows, Dictionary<int, double> iterations)
    {
        Name = name;
        MaxEpochs = maxEpochs;
        _iterations = iterations;
        _table = rows.ToDictionary(kv => kv.Key, kv =>
        {
            var avg = kv.Value.GroupBy(r => r.Bsz).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Average(x => x.Step), g.Average(x => x.Sync))).ToArray();
            return (avg.Select(a => a.Key).ToArray(), avg.Select(a => a.Item2).ToArray(), avg.Select(a => a.Item3).ToArray());
        });
        _nodeCounts = [.. _table.Keys.Select(k => k.Nodes).Distinct().Order()];
        var single = _table[(1, 1)];
        MaxLocalBatch = single.Bsz[^1];
        MinLocalBatch = single.Bsz[0];
    }

    public string Name { get; }
    public int MaxEpochs { get; }
    public double MaxLocalBatch { get; }
    public double MinLocalBatch { get; }

    /// <summary>Optimizer steps to train <see cref="MaxEpochs"/> epochs at global batch <paramref name="batch"/>.</summary>
    public double IterationsToFinish(int batch) =>
        _iterations.TryGetValue(batch, out double it) ? it
            : throw new KeyNotFoundException($"{Name}: no validation profile for batch size {batch} (have {string.Join(", ", _iterations.Keys.Order())})");

    /// <summary>The most GPUs that still get at least the smallest profiled local batch.</summary>
    public int MaxUsefulGpus(int batch) => Math.Max(1, (int)(batch / MinLocalBatch));

    /// <summary>Seconds per optimizer step with <paramref name="replicas"/> GPUs on <paramref name="nodes"/> nodes at global batch
    /// <paramref name="batch"/>; local batches above the largest profiled one use gradient accumulation.</summary>
    public double StepTime(int nodes, int replicas, int batch)
    {
        double local = (double)batch / replicas;
        int micro = (int)Math.Ceiling(local / MaxLocalBatch - 1e-9);
        double microBatch = local / micro;
        var (step, sync) = Lookup(nodes, replicas, microBatch);
        return micro * (step - sync) + sync;
    }

    private (double Step, double Sync) Lookup(int nodes, int replicas, double local)
    {
        int n = NearestNodes(nodes);
        var available = _table.Keys.Where(k => k.Nodes == n).Select(k => k.Replicas).Order().ToArray();
        int r = Math.Clamp(replicas, available[0], available[^1]);
        int lo = available.Last(a => a <= r), hi = available.First(a => a >= r);
        var a = AtBatch(_table[(n, lo)], local);
        if (hi == lo) return a;
        var b = AtBatch(_table[(n, hi)], local);
        double w = (double)(r - lo) / (hi - lo);
        return (a.Step + w * (b.Step - a.Step), a.Sync + w * (b.Sync - a.Sync));
    }

    private int NearestNodes(int nodes)
    {
        foreach (int n in _nodeCounts) if (n >= nodes) return n;
        return _nodeCounts[^1];
    }

    // Linear in the local batch; clamped at the smallest measured batch, extrapolated from the last two above.
    private static (double Step, double Sync) AtBatch((double[] Bsz, double[] Step, double[] Sync) t, double local)
    {
        if (t.Bsz.Length == 1 || local <= t.Bsz[0]) return (t.Step[0], t.Sync[0]);
        int i = 1;
        while (i < t.Bsz.Length - 1 && t.Bsz[i] < local) i++;
        double w = (local - t.Bsz[i - 1]) / (t.Bsz[i] - t.Bsz[i - 1]);
        return (Math.Max(t.Step[i - 1] + w * (t.Step[i] - t.Step[i - 1]), 1e-4), Math.Max(t.Sync[i - 1] + w * (t.Sync[i] - t.Sync[i - 1]), 0));
    }
}
