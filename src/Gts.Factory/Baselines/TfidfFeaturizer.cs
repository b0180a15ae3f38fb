using Gts.Factory.Recipes;

namespace Gts.Factory.Baselines;

/// <summary>The TF-IDF features of the baseline (note section 5): English = word 1-2 grams and char_wb 2-4 grams, two blocks each
/// L2-normalised then concatenated; Chinese = char 1-3 grams. Fitted on the training sample's texts only.</summary>
public sealed class TfidfFeaturizer
{
    private readonly IReadOnlyList<TfidfBlock> _blocks;
    private readonly int[] _widths;

    private TfidfFeaturizer(IReadOnlyList<TfidfBlock> blocks)
    {
        _blocks = blocks;
        _widths = blocks.Select(b => b.Width).ToArray();
        Width = _widths.Sum();
    }

    /// <summary>Number of columns of a single-text row.</summary>
    public int Width { get; }

    public IReadOnlyList<TfidfBlock> Blocks => _blocks;

    /// <summary>Fits the blocks of a language on the given texts (for pairs: both sides of every training pair).</summary>
    public static TfidfFeaturizer Fit(IReadOnlyList<string> texts, Language language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (language == Language.Auto) language = LanguageOf(texts);
        return language == Language.Chinese
            ? new TfidfFeaturizer([TfidfBlock.Fit(texts, NGramKind.Char, 1, 3)])
            : new TfidfFeaturizer([TfidfBlock.Fit(texts, NGramKind.Word, 1, 2), TfidfBlock.Fit(texts, NGramKind.CharWordBounded, 2, 4)]);
    }

    public SparseVector Transform(string text) =>
        SparseVector.Concat(_blocks.Select(b => b.Transform(text)).ToArray(), _widths);

    /// <summary>Chinese when at least a third of the letters are CJK ideographs, else English.</summary>
    public static Language LanguageOf(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        long letters = 0, cjk = 0;
        foreach (var text in texts)
            foreach (var ch in text)
            {
                if (!char.IsLetter(ch)) continue;
                letters++;
                if (ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF') cjk++;
            }
        return letters > 0 && cjk * 3 >= letters ? Language.Chinese : Language.English;
    }
}
