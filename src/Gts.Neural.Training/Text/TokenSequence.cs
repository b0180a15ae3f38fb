namespace Gts.Neural.Training.Text;

/// <summary>One encoder input: word-piece ids with [CLS]/[SEP] and their segment (token type) ids.</summary>
public sealed record TokenSequence(int[] Ids, int[] TypeIds)
{
    public int Length => Ids.Length;

    /// <summary>A single text ([CLS] a [SEP]), all segment 0.</summary>
    public static TokenSequence Single(int[] ids) => new(ids, new int[ids.Length]);

    /// <summary>A BERT sentence pair [CLS] a [SEP] b [SEP] (b in segment 1) from two single encodings ([CLS] x [SEP] each),
    /// truncating the longer side first until it fits <paramref name="maxLength"/> (BERT's longest-first rule).</summary>
    public static TokenSequence Pair(int[] a, int[] b, int maxLength)
    {
        if (a.Length < 2 || b.Length < 2) throw new ArgumentException("Pair sides must be [CLS] ... [SEP] encodings.");
        int la = a.Length - 2, lb = b.Length - 2;
        while (la + lb + 3 > maxLength && la + lb > 0)
        {
            if (la >= lb) la--; else lb--;
        }
        var ids = new int[la + lb + 3];
        var types = new int[ids.Length];
        ids[0] = a[0];
        Array.Copy(a, 1, ids, 1, la);
        ids[la + 1] = a[^1];
        Array.Copy(b, 1, ids, la + 2, lb);
        ids[^1] = b[^1];
        for (int i = la + 2; i < ids.Length; i++) types[i] = 1;
        return new TokenSequence(ids, types);
    }
}
