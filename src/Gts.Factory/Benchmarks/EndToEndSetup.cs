using System.Globalization;
using Gts.Core.Data;
using Gts.Factory.Recipes;

namespace Gts.Factory.Benchmarks;

/// <summary>The data and recipe of the end-to-end target (8 labels per class and a pool of a given size, default step settings):
/// the K-shot sample and dev sample of <see cref="PipelineSplits"/>, and a pool of the data set's unlabeled text topped up, when
/// it is smaller than asked, with training records that are neither sampled nor labelled in the recipe (their labels dropped).</summary>
public static class EndToEndSetup
{
    public sealed record Prepared(string RecipePath, string ModelDirectory, string Labels, string Pool, int PoolCount);

    public static Prepared Write(Dataset dataset, string directory, int k, int seed, int poolSize)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var cell = new PipelineCell(dataset.Name, PipelineVariant.Full, PipelineCell.KShot, k, seed);
        var (data, skip) = PipelineSplits.Of(dataset, cell);
        if (data is null) throw new InvalidOperationException($"{dataset.Name} cannot run the end-to-end setting: {skip}");
        var pool = TopUp(dataset, data, poolSize, out int fromTrain);
        var ci = CultureInfo.InvariantCulture;
        var description = fromTrain == 0
            ? string.Create(ci, $"{pool.Count:N0} texts of unlabeled.jsonl.gz")
            : string.Create(ci, $"{pool.Count - fromTrain:N0} texts of unlabeled.jsonl.gz (all of it) + {fromTrain:N0} train-split texts with their labels dropped (not in the sample)");
        var recipe = PipelineCellFiles.Write(directory, $"{dataset.Name}-end-to-end", dataset.Labels, dataset.IsPair, data with { Pool = pool },
            new StepSettings(), seed);
        return new Prepared(recipe, Path.Combine(directory, "model"), string.Create(ci, $"{k} x {dataset.Labels.Count}"), description, pool.Count);
    }

    /// <summary>The unlabeled pool (cut to <paramref name="poolSize"/>), topped up from training records outside the cell's train
    /// and dev samples, in file order, as unlabeled examples.</summary>
    public static IReadOnlyList<Example> TopUp(Dataset dataset, PipelineCellData data, int poolSize, out int fromTrain)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(data);
        var pool = dataset.Unlabeled.Take(poolSize).ToList();
        var spare = PipelineSplits.Remaining(PipelineSplits.Remaining(dataset.Train, data.Train), data.Dev);
        var extra = spare.Take(Math.Max(0, poolSize - pool.Count)).Select(e => new Example(e.Text, e.TextB, Example.Unlabeled, e.Line)).ToList();
        fromTrain = extra.Count;
        return [.. pool, .. extra];
    }
}
