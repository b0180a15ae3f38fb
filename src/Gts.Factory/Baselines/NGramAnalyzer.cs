namespace Gts.Factory.Baselines;

/// <summary>What a TF-IDF block counts, with scikit-learn's <c>TfidfVectorizer</c> semantics (analyzer, ngram_range, lowercase).</summary>
public enum NGramKind
{
    /// <summary>analyzer="word": tokens = maximal runs of 2+ word characters (token_pattern \b\w\w+\b), n-grams joined by one space.</summary>
    Word,

    /// <summary>analyzer="char_wb": character n-grams inside each whitespace-separated word padded with one space each side.</summary>
    CharWordBounded,

    /// <summary>analyzer="char": character n-grams over the whole text.</summary>
    Char,
}

/// <summary>Splits one text into the n-grams scikit-learn 1.2's analyzers produce (after lower-casing). Characters are Unicode code
/// points as in Python, not UTF-16 units. Hand-written: no .NET library reproduces scikit-learn's analyzers.</summary>
public static class NGramAnalyzer
{
    public static List<string> Analyze(string text, NGramKind kind, int minN, int maxN)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(minN, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxN, minN);
        var lower = text.ToLowerInvariant();
        return kind switch
        {
            NGramKind.Word => WordNGrams(WordTokens(lower), minN, maxN),
            NGramKind.CharWordBounded => CharWordBoundedNGrams(SqueezeWhitespace(lower), minN, maxN),
            NGramKind.Char => CharNGrams(SqueezeWhitespace(lower), minN, maxN),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    // Python's re \w on str: letters (L*), numbers (N*) and '_'.
    private static bool IsWordChar(string s, int i) =>
        s[i] == '_' || char.IsLetter(s, i) || char.IsNumber(s, i);

    /// <summary>Maximal runs of word characters of length >= 2 (what \b\w\w+\b matches).</summary>
    public static List<string> WordTokens(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i)) { i += char.IsSurrogatePair(text, i) ? 2 : 1; continue; }
            int start = i, points = 0;
            while (i < text.Length && IsWordChar(text, i)) { i += char.IsSurrogatePair(text, i) ? 2 : 1; points++; }
            if (points >= 2) tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static List<string> WordNGrams(List<string> tokens, int minN, int maxN)
    {
        var grams = new List<string>();
        for (int n = minN; n <= maxN; n++)
            for (int i = 0; i + n <= tokens.Count; i++)
                grams.Add(n == 1 ? tokens[i] : string.Join(' ', tokens.GetRange(i, n)));
        return grams;
    }

    /// <summary>scikit-learn's white_spaces.sub(" ", text) with pattern \s\s+: only runs of two or more become one space.</summary>
    private static string SqueezeWhitespace(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i])) { sb.Append(text[i++]); continue; }
            int start = i;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i - start >= 2) sb.Append(' ');
            else sb.Append(text[start]);
        }
        return sb.ToString();
    }

    private static string[] CodePoints(string s)
    {
        var points = new List<string>(s.Length);
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
            points.Add(char.IsSurrogatePair(s, i) ? s.Substring(i, 2) : s[i].ToString());
        return [.. points];
    }

    private static string Join(string[] points, int start, int count) => string.Concat(points.AsSpan(start, count));

    private static List<string> CharWordBoundedNGrams(string text, int minN, int maxN)
    {
        var grams = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = CodePoints(" " + word + " ");
            for (int n = minN; n <= maxN; n++)
            {
                int offset = 0;
                grams.Add(Join(w, 0, Math.Min(n, w.Length)));
                while (offset + n < w.Length)
                {
                    offset++;
                    grams.Add(Join(w, offset, n));
                }
                if (offset == 0) break; // a padded word not longer than n is counted once
            }
        }
        return grams;
    }

    private static List<string> CharNGrams(string text, int minN, int maxN)
    {
        var points = CodePoints(text);
        var grams = new List<string>();
        for (int n = minN; n <= Math.Min(maxN, points.Length); n++)
            for (int i = 0; i + n <= points.Length; i++)
                grams.Add(Join(points, i, n));
        return grams;
    }
}
