namespace Gts.Neural.Training.Objectives;

/// <summary>One SetFit training pair: two example indices and the target cosine (1 same label, 0 different).</summary>
public readonly record struct ContrastivePair(int A, int B, float Target);

/// <summary>SetFit's pair generation, capped: per iteration every example gets one positive and one negative partner
/// (Tunstall et al. 2022, "Efficient Few-Shot Learning Without Prompts", section 3.1, R = iterations), and the total is
/// cut to <c>maxPairs</c> so that many-class or large training sets cannot blow up time and memory.</summary>
public static class ContrastivePairs
{
    public static IReadOnlyList<ContrastivePair> Sample(IReadOnlyList<int> labels, int iterations, int maxPairs, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPairs, 1);
        var byLabel = labels.Select((l, i) => (l, i)).GroupBy(x => x.l).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var pairs = new List<ContrastivePair>();
        for (int it = 0; it < iterations; it++)
            for (int i = 0; i < labels.Count; i++)
            {
                var same = byLabel[labels[i]];
                if (same.Length > 1)
                {
                    int j;
                    do j = same[random.Next(same.Length)]; while (j == i);
                    pairs.Add(new ContrastivePair(i, j, 1f));
                }
                if (byLabel.Count > 1)
                {
                    int k;
                    do k = random.Next(labels.Count); while (labels[k] == labels[i]);
                    pairs.Add(new ContrastivePair(i, k, 0f));
                }
            }
        var all = pairs.ToArray();
        random.Shuffle(all);
        return all.Length > maxPairs ? all[..maxPairs] : all;
    }
}
