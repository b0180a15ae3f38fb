using Gts.Core.Data;

namespace Gts.Factory.Generation;

/// <summary>Easy data augmentation without a thesaurus (Wei and Zou 2019, "EDA"): random swap, random deletion and
/// random insertion of a word from the same text. Text written without spaces (Chinese) is edited character by character.
/// The variants are unlabeled: the teacher labels them.</summary>
public static class EdaGenerator
{
    /// <summary>Up to <paramref name="perExample"/> distinct variants of each text (pairs: the first text is edited).</summary>
    public static IReadOnlyList<Example> Generate(IReadOnlyList<Example> examples, int perExample, int seed, double editRate = 0.15)
    {
        var rng = new Random(seed);
        var seen = new HashSet<string>(examples.Select(e => e.Text), StringComparer.Ordinal);
        var result = new List<Example>();
        foreach (var e in examples)
        {
            var unspaced = !e.Text.Contains(' ', StringComparison.Ordinal) && Pipeline.StudentVocabulary.CjkShare([e.Text]) >= 0.3;
            var words = unspaced ? [.. Neural.Training.Vocabulary.VocabularyBuilder.Symbols(e.Text)] : e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3) continue;
            int edits = Math.Max(1, (int)Math.Round(editRate * words.Length));
            for (int attempt = 0, made = 0; attempt < perExample * 3 && made < perExample; attempt++)
            {
                var variant = (attempt % 3) switch
                {
                    0 => Swap(words, edits, rng),
                    1 => Delete(words, editRate, rng),
                    _ => Insert(words, edits, rng),
                };
                var text = string.Join(unspaced ? "" : " ", variant);
                if (!seen.Add(text)) continue;
                result.Add(new Example(text, e.TextB, Example.Unlabeled));
                made++;
            }
        }
        return result;
    }

    private static List<string> Swap(string[] words, int edits, Random rng)
    {
        var w = words.ToList();
        for (int i = 0; i < edits; i++)
        {
            int a = rng.Next(w.Count), b = rng.Next(w.Count);
            (w[a], w[b]) = (w[b], w[a]);
        }
        return w;
    }

    private static List<string> Delete(string[] words, double rate, Random rng)
    {
        var w = words.Where(_ => rng.NextDouble() >= rate).ToList();
        return w.Count == 0 ? [words[rng.Next(words.Length)]] : w;
    }

    private static List<string> Insert(string[] words, int edits, Random rng)
    {
        var w = words.ToList();
        for (int i = 0; i < edits; i++) w.Insert(rng.Next(w.Count + 1), words[rng.Next(words.Length)]);
        return w;
    }
}
