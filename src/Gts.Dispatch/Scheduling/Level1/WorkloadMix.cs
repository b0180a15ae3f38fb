using System.Collections.Concurrent;

namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>The expected mix of GPU requests; fragmentation is measured against it (FGD, ATC'23, §4).</summary>
public sealed record WorkloadMix(IReadOnlyList<TaskClass> Classes)
{
    /// <summary>GPU milli-units on a node that a request drawn from the mix could not use, weighted by the mix
    /// (the FGD fragment measure). <paramref name="free"/> is the free milli of each GPU of the node.</summary>
    public double Fragment(ReadOnlySpan<int> free, int freeCpu)
    {
        // The measure ignores GPU order, and node states repeat across a cluster: memoize nodes of up to 12 GPUs
        // by their sorted free shares and CPU (hot in fragmentation scoring over thousands of nodes).
        if (free.Length > 12) return Compute(free, freeCpu);
        Span<int> sorted = stackalloc int[free.Length];
        free.CopyTo(sorted);
        sorted.Sort();
        ulong a = (ulong)free.Length, b = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i < 6) a = a * 1001 + (ulong)sorted[i];
            else b = b * 1001 + (ulong)sorted[i];
        }
        var key = (a, b, freeCpu);
        if (_memo.TryGetValue(key, out double known)) return known;
        double value = Compute(sorted, freeCpu);
        _memo[key] = value;
        return value;
    }

    private readonly ConcurrentDictionary<(ulong, ulong, int), double> _memo = new();

    private double Compute(ReadOnlySpan<int> free, int freeCpu)
    {
        double total = 0, weights = 0;
        int sum = 0, whole = 0, partialSum = 0;
        foreach (int f in free)
        {
            sum += f;
            if (f == 1000) whole++;
            else partialSum += f;
        }
        if (sum == 0) return 0;
        foreach (var c in Classes)
        {
            weights += c.Weight;
            double frag;
            if (freeCpu < c.CpuMilli) frag = sum;
            else if (c.Milli >= 1000) frag = whole >= c.Gpus ? partialSum : sum;
            else
            {
                int unusable = 0;
                bool fits = false;
                foreach (int f in free)
                {
                    if (f < c.Milli) unusable += f;
                    else fits = true;
                }
                frag = fits ? unusable : sum;
            }
            total += c.Weight * frag;
        }
        return weights == 0 ? 0 : total / weights;
    }
}
