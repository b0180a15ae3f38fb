namespace Gts.Neural.Training.Vocabulary;

/// <summary>Learns sub-word merges: repeatedly joins the most frequent adjacent symbol pair across the word counts
/// (pair counts updated incrementally, only in the words that contain the merged pair).</summary>
internal static class WordPieceMerges
{
    public static void Learn(Dictionary<string, int> words, int minCount, int budget, Action<string> add)
    {
        var entries = words.Where(w => w.Value >= minCount).Select(w => (Symbols: Split(w.Key), Count: w.Value)).ToArray();
        var pairs = new Dictionary<(string, string), int>();
        var where = new Dictionary<(string, string), HashSet<int>>();
        for (int i = 0; i < entries.Length; i++) Count(i, +1);

        for (int m = 0; m < budget && pairs.Count > 0; m++)
        {
            var best = pairs.MaxBy(p => (p.Value, p.Key.Item1.Length + p.Key.Item2.Length));
            if (best.Value < minCount) break;
            var (a, b) = best.Key;
            var merged = a + (b.StartsWith("##", StringComparison.Ordinal) ? b[2..] : b);
            add(merged);
            foreach (var i in where[best.Key].ToArray())
            {
                Count(i, -1);
                var s = entries[i].Symbols;
                var next = new List<string>(s.Count);
                for (int k = 0; k < s.Count; k++)
                {
                    if (k + 1 < s.Count && s[k] == a && s[k + 1] == b) { next.Add(merged); k++; }
                    else next.Add(s[k]);
                }
                entries[i].Symbols = next;
                Count(i, +1);
            }
        }

        void Count(int i, int sign)
        {
            var s = entries[i].Symbols;
            for (int k = 0; k + 1 < s.Count; k++)
            {
                var key = (s[k], s[k + 1]);
                var n = pairs.GetValueOrDefault(key) + sign * entries[i].Count;
                if (n <= 0) { pairs.Remove(key); where.Remove(key); continue; }
                pairs[key] = n;
                if (sign > 0) (where.TryGetValue(key, out var set) ? set : where[key] = []).Add(i);
            }
        }
    }

    private static List<string> Split(string word)
    {
        var symbols = VocabularyBuilder.Symbols(word);
        for (int i = 1; i < symbols.Count; i++) symbols[i] = "##" + symbols[i];
        return symbols;
    }
}
