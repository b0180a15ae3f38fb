using Gts.Core.Data;
using Gts.Core.Errors;

namespace Gts.Data.Sampling;

/// <summary>Stratified K-per-class sampling, exactly the protocol of shared/notes/pretrained-encoders.md
/// section 5, so that published numbers reproduce per seed.</summary>
public static class FewShotSampler
{
    /// <summary>K examples of every class: one <c>new Random(seed)</c>; classes in label-set order; each class's
    /// examples in input (file) order, Fisher–Yates shuffled from the end with <c>Next(i + 1)</c>; the first K kept.
    /// The draws do not depend on K, so the K = 8 sample is the first 8 per class of the K = 64 sample.
    /// Unlabeled examples are ignored. Throws <see cref="ErrorKind.Infeasible"/> naming every class with fewer than K.</summary>
    public static IReadOnlyList<Example> SampleStratified(IReadOnlyList<Example> examples, LabelSet labels, int k, int seed, string source = "the training data")
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var shortfall = FindShortClasses(examples, labels, k);
        if (shortfall.Count > 0)
            throw new GtsException(ErrorKind.Infeasible,
                $"{shortfall.Count} {(shortfall.Count == 1 ? "class has" : "classes have")} fewer than {k} examples: " +
                string.Join(", ", shortfall.Take(10).Select(s => $"'{s.Name}' has {s.Available}")) + (shortfall.Count > 10 ? ", …" : "") + ".",
                $"Ask for at most {shortfall.Min(s => s.Available)} shots per class, or add examples of {(shortfall.Count == 1 ? "that class" : "those classes")}.",
                new SourceLocation(source, 0, "label"));

        var rng = new Random(seed);
        var sample = new List<Example>(k * labels.Count);
        var byClass = GroupByClass(examples, labels.Count);
        for (int c = 0; c < labels.Count; c++)
        {
            var a = byClass[c].ToArray();
            for (int i = a.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (a[i], a[j]) = (a[j], a[i]);
            }
            sample.AddRange(a.AsSpan(0, k));
        }
        return sample;
    }

    /// <summary>The stratified sample of a data set's training split.</summary>
    public static IReadOnlyList<Example> SampleStratified(Dataset dataset, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return SampleStratified(dataset.Train, dataset.Labels, k, seed, $"{dataset.Name} train");
    }

    /// <summary>The classes with fewer than <paramref name="k"/> examples (empty when K-shot sampling is feasible).</summary>
    public static IReadOnlyList<ClassShortfall> FindShortClasses(IReadOnlyList<Example> examples, LabelSet labels, int k)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new int[labels.Count];
        foreach (var e in examples)
            if (e.Label >= 0 && e.Label < counts.Length) counts[e.Label]++;
        var result = new List<ClassShortfall>();
        for (int c = 0; c < counts.Length; c++)
            if (counts[c] < k) result.Add(new ClassShortfall(c, labels[c], counts[c], k));
        return result;
    }

    private static List<Example>[] GroupByClass(IReadOnlyList<Example> examples, int classes)
    {
        var groups = new List<Example>[classes];
        for (int c = 0; c < classes; c++) groups[c] = [];
        foreach (var e in examples)
            if (e.Label >= 0 && e.Label < classes) groups[e.Label].Add(e);
        return groups;
    }
}
