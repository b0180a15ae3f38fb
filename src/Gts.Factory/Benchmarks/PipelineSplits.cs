using Gts.Core.Data;
using Gts.Data.Sampling;

namespace Gts.Factory.Benchmarks;

/// <summary>Cuts a data set into one cell's data. K-shot cells: the training sample of the few-shot grid
/// (<see cref="FewShotSampler"/>, same seed), and a K-per-class dev sample drawn with the same seed from the dev split when
/// there is one, else from the training records not in the sample. Official cells: FewCLUE's train_i and dev_i.
/// The pool is the data set's unlabeled text; the test set is used whole.</summary>
public static class PipelineSplits
{
    /// <summary>The cell's data, or the reason it cannot run.</summary>
    public static (PipelineCellData? Data, string? SkipReason) Of(Dataset dataset, PipelineCell cell)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Setting == PipelineCell.Official)
        {
            if (!dataset.ExtraSplits.TryGetValue($"train_{cell.Seed}", out var train))
                return (null, $"no splits/train_{cell.Seed} file");
            var dev = dataset.ExtraSplits.TryGetValue($"dev_{cell.Seed}", out var d) ? d : [];
            return (new PipelineCellData(train, dev, dataset.Test, dataset.Unlabeled, dev.Count > 0 ? $"splits/dev_{cell.Seed}" : "none"), null);
        }

        var shortfall = FewShotSampler.FindShortClasses(dataset.Train, dataset.Labels, cell.K);
        if (shortfall.Count > 0)
        {
            var least = shortfall.MinBy(s => s.Available)!;
            return (null, $"{shortfall.Count} class(es) have fewer than {cell.K} training examples (smallest: '{least.Name}' with {least.Available})");
        }
        var sample = FewShotSampler.SampleStratified(dataset, cell.K, cell.Seed);
        var (devPool, source) = dataset.Dev.Count > 0
            ? (dataset.Dev, "dev split")
            : (Remaining(dataset.Train, sample), "train records not sampled");
        return (new PipelineCellData(sample, DevSample(devPool, dataset.Labels, cell.K, cell.Seed), dataset.Test, dataset.Unlabeled, source), null);
    }

    /// <summary>The records of <paramref name="all"/> that are not in <paramref name="taken"/> (by record, not by text).</summary>
    public static IReadOnlyList<Example> Remaining(IReadOnlyList<Example> all, IReadOnlyList<Example> taken)
    {
        var used = new HashSet<Example>(taken, ReferenceEqualityComparer.Instance);
        return all.Where(e => !used.Contains(e)).ToList();
    }

    // K per class where every class has K; otherwise as many per class as the scarcest class allows (none when a class is absent).
    private static IReadOnlyList<Example> DevSample(IReadOnlyList<Example> pool, LabelSet labels, int k, int seed)
    {
        var counts = new int[labels.Count];
        foreach (var e in pool)
            if (e.IsLabeled && e.Label < counts.Length) counts[e.Label]++;
        int perClass = Math.Min(k, counts.Min());
        return perClass == 0 ? [] : FewShotSampler.SampleStratified(pool, labels, perClass, seed, "dev");
    }
}
