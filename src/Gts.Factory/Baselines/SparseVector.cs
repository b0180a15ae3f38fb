namespace Gts.Factory.Baselines;

/// <summary>A feature row: strictly increasing column indices and their values.</summary>
public sealed record SparseVector(int[] Indices, double[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    /// <summary>A dense row as a sparse one (every column stored).</summary>
    public static SparseVector FromDense(ReadOnlySpan<float> values)
    {
        var indices = new int[values.Length];
        var data = new double[values.Length];
        for (int i = 0; i < values.Length; i++) { indices[i] = i; data[i] = values[i]; }
        return new SparseVector(indices, data);
    }

    /// <summary>The value at a column (0 when absent).</summary>
    public double this[int column]
    {
        get
        {
            int at = Array.BinarySearch(Indices, column);
            return at >= 0 ? Values[at] : 0;
        }
    }

    /// <summary>The blocks side by side: block b's columns shifted by the widths of the blocks before it.</summary>
    public static SparseVector Concat(IReadOnlyList<SparseVector> blocks, IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(widths);
        int total = 0;
        foreach (var b in blocks) total += b.Count;
        var indices = new int[total];
        var values = new double[total];
        int at = 0, offset = 0;
        for (int b = 0; b < blocks.Count; b++)
        {
            for (int i = 0; i < blocks[b].Count; i++)
            {
                indices[at] = blocks[b].Indices[i] + offset;
                values[at++] = blocks[b].Values[i];
            }
            offset += widths[b];
        }
        return new SparseVector(indices, values);
    }
}
