using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gts.Neural.Tokenization;

namespace Gts.Neural.Training.Vocabulary;

/// <summary>Builds a BERT vocab.txt ([PAD] [UNK] [CLS] [SEP] [MASK] first) from a corpus, so the factory can make its own
/// backbone where no pretrained encoder fits. Microsoft.ML.Tokenizers can load a WordPiece vocabulary but cannot learn one,
/// so the merge learner is written here: the BPE-style trainer with a ## prefix that Hugging Face's WordPiece trainer uses.</summary>
public static partial class VocabularyBuilder
{
    public static readonly string[] Specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    /// <summary>The vocabulary, specials first, at most <paramref name="maxSize"/> entries.</summary>
    public static IReadOnlyList<string> Build(IEnumerable<string> corpus, VocabularyKind kind, int maxSize, int minCount = 2, bool lowerCase = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, Specials.Length + 1);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in corpus)
            foreach (var w in Words(text, lowerCase))
                words[w] = words.GetValueOrDefault(w) + 1;

        var vocab = new List<string>(Specials);
        var seen = new HashSet<string>(Specials, StringComparer.Ordinal);
        void Add(string piece)
        {
            if (vocab.Count < maxSize && seen.Add(piece)) vocab.Add(piece);
        }

        var alphabet = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (w, n) in words)
        {
            var chars = Symbols(w);
            for (int i = 0; i < chars.Count; i++)
            {
                var piece = i == 0 ? chars[i] : "##" + chars[i];
                alphabet[piece] = alphabet.GetValueOrDefault(piece) + n;
            }
        }
        foreach (var (piece, _) in alphabet.Where(a => a.Value >= minCount).OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal)) Add(piece);
        if (kind == VocabularyKind.WordPiece) WordPieceMerges.Learn(words, minCount, maxSize - vocab.Count, Add);
        return vocab;
    }

    /// <summary>Writes vocab.txt (one piece per line, line number = id), atomically.</summary>
    public static void Write(IReadOnlyList<string> vocabulary, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp";
        File.WriteAllLines(tmp, vocabulary, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Words as the reference BERT basic tokenizer sees them: lower-cased, accents stripped, split at whitespace and
    /// punctuation, every CJK ideograph its own word.</summary>
    public static IEnumerable<string> Words(string text, bool lowerCase)
    {
        var clean = BertTokenization.PreClean(text);
        if (lowerCase) clean = StripAccents(clean.ToLowerInvariant());
        foreach (Match m in WordPattern().Matches(clean)) yield return m.Value;
    }

    /// <summary>The text elements (user-perceived characters) of a word.</summary>
    public static List<string> Symbols(string word)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(word);
        while (e.MoveNext()) list.Add((string)e.Current);
        return list;
    }

    private static string StripAccents(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        return sb.ToString();
    }

    [GeneratedRegex(@"[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF]|[^\s\p{P}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF]+|[\p{P}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]")]
    private static partial Regex WordPattern();
}
