namespace Gts.Factory.Baselines;

/// <summary>[u, v, |u - v|, u * v] for sparse rows of width d: 4 d columns (the encoder pair feature, applied to TF-IDF rows).</summary>
public static class PairVectors
{
    public static SparseVector Combine(SparseVector u, SparseVector v, int width)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        var diffIndices = new List<int>(u.Count + v.Count);
        var diffValues = new List<double>(u.Count + v.Count);
        var prodIndices = new List<int>();
        var prodValues = new List<double>();
        int a = 0, b = 0;
        while (a < u.Count || b < v.Count)
        {
            int ia = a < u.Count ? u.Indices[a] : int.MaxValue, ib = b < v.Count ? v.Indices[b] : int.MaxValue;
            if (ia == ib)
            {
                double d = Math.Abs(u.Values[a] - v.Values[b]);
                if (d != 0) { diffIndices.Add(ia); diffValues.Add(d); }
                prodIndices.Add(ia);
                prodValues.Add(u.Values[a] * v.Values[b]);
                a++;
                b++;
            }
            else if (ia < ib) { diffIndices.Add(ia); diffValues.Add(Math.Abs(u.Values[a++])); }
            else { diffIndices.Add(ib); diffValues.Add(Math.Abs(v.Values[b++])); }
        }
        var blocks = new[] { u, v, new SparseVector([.. diffIndices], [.. diffValues]), new SparseVector([.. prodIndices], [.. prodValues]) };
        return SparseVector.Concat(blocks, [width, width, width, width]);
    }
}
