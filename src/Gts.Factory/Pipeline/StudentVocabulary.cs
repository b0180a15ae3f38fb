using System.Text;
using Gts.Neural.Models;

namespace Gts.Factory.Pipeline;

/// <summary>The student's word-piece vocabulary: the packaged English encoders' uncased vocabulary, or, for text
/// that is mostly CJK (which that vocabulary maps to [UNK]), a character vocabulary built from the task's text.</summary>
public static class StudentVocabulary
{
    /// <summary>Entries of the packaged encoders' vocabulary (bert-base-uncased).</summary>
    public const int PackagedVocabularySize = 30522;

    /// <summary>Characters seen fewer times than this in the task's text stay [UNK].</summary>
    public const int MinCharCount = 2;

    /// <summary>Writes vocab.txt to <paramref name="path"/> and returns its size.</summary>
    public static int Write(TaskData data, string path)
    {
        var texts = data.Train.Concat(data.Pool).Concat(data.Dev).SelectMany(e => e.Sides()).ToList();
        if (CjkShare(texts) < 0.3)
        {
            File.Copy(PackagedEncoders.Extract(PackagedEncoders.MiniLM).VocabPath, path, overwrite: true);
            return File.ReadLines(path).Count();
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in texts)
            foreach (var rune in t.ToLowerInvariant().EnumerateRunes())
            {
                if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) continue;
                var s = rune.ToString();
                counts[s] = counts.GetValueOrDefault(s) + 1;
            }
        var lines = new List<string> { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" };
        lines.AddRange(counts.Where(p => p.Value >= MinCharCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key));
        File.WriteAllLines(path, lines);
        return lines.Count;
    }

    /// <summary>Share of letters that are CJK ideographs.</summary>
    public static double CjkShare(IEnumerable<string> texts)
    {
        long cjk = 0, letters = 0;
        foreach (var t in texts)
            foreach (var c in t)
            {
                if (!char.IsLetter(c)) continue;
                letters++;
                if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF') cjk++;
            }
        return letters == 0 ? 0 : (double)cjk / letters;
    }
}
