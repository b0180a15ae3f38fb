namespace Gts.Factory.Baselines;

/// <summary>One fitted TF-IDF block, scikit-learn <c>TfidfVectorizer(sublinear_tf=True)</c> semantics: vocabulary = every n-gram of
/// the fitted texts (sorted ordinally), tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalised; unseen n-grams ignored.</summary>
public sealed class TfidfBlock
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly double[] _idf;

    private TfidfBlock(NGramKind kind, int minN, int maxN, Dictionary<string, int> vocabulary, double[] idf)
    {
        Kind = kind;
        MinN = minN;
        MaxN = maxN;
        _vocabulary = vocabulary;
        _idf = idf;
    }

    public NGramKind Kind { get; }

    public int MinN { get; }

    public int MaxN { get; }

    /// <summary>Number of columns (vocabulary size).</summary>
    public int Width => _idf.Length;

    public double IdfOf(string term) => _vocabulary.TryGetValue(term, out var i) ? _idf[i] : double.NaN;

    public static TfidfBlock Fit(IReadOnlyList<string> texts, NGramKind kind, int minN, int maxN)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var term in NGramAnalyzer.Analyze(text, kind, minN, maxN).Distinct(StringComparer.Ordinal))
                df[term] = df.GetValueOrDefault(term) + 1;
        var terms = df.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var vocabulary = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        var idf = new double[terms.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            vocabulary[terms[i]] = i;
            idf[i] = Math.Log((1.0 + texts.Count) / (1.0 + df[terms[i]])) + 1.0;
        }
        return new TfidfBlock(kind, minN, maxN, vocabulary, idf);
    }

    /// <summary>The L2-normalised tf-idf row of one text (all zeros when none of its n-grams is in the vocabulary).</summary>
    public SparseVector Transform(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var term in NGramAnalyzer.Analyze(text, Kind, MinN, MaxN))
            if (_vocabulary.TryGetValue(term, out var column))
                counts[column] = counts.GetValueOrDefault(column) + 1;
        var indices = counts.Keys.ToArray();
        Array.Sort(indices);
        var values = new double[indices.Length];
        double norm = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            values[i] = (1.0 + Math.Log(counts[indices[i]])) * _idf[indices[i]];
            norm += values[i] * values[i];
        }
        if (norm > 0)
        {
            norm = Math.Sqrt(norm);
            for (int i = 0; i < values.Length; i++) values[i] /= norm;
        }
        return new SparseVector(indices, values);
    }
}
