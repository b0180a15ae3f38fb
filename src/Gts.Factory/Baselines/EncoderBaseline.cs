using System.Diagnostics;
using Gts.Core.Data;
using Gts.Neural.Embeddings;

namespace Gts.Factory.Baselines;

/// <summary>Frozen sentence encoder + logistic regression (C = 1): embeddings (from the cache when present), pairs as
/// [u, v, |u - v|, u * v]. Training time counts the fit only; embedding time is the encoder's.</summary>
public static class EncoderBaseline
{
    public static BaselineRun Run(CachedSentenceEncoder encoder, IReadOnlyList<Example> train, IReadOnlyList<Example> test, int classes,
        IProgress<int>? embedProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var trainRows = Features(encoder, train, embedProgress, cancellationToken);
        var testRows = Features(encoder, test, embedProgress, cancellationToken);
        var start = Stopwatch.GetTimestamp();
        int width = trainRows[0].Count;
        var model = LogisticRegression.Fit(trainRows, train.Select(e => e.Label).ToArray(), width, classes);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new BaselineRun(testRows.Select(model.Predict).ToArray(), width, model.Iterations, seconds);
    }

    /// <summary>Feature rows of examples: the embedding, or the pair feature of both sides' embeddings.</summary>
    public static SparseVector[] Features(CachedSentenceEncoder encoder, IReadOnlyList<Example> examples, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(examples);
        bool pair = examples.Count > 0 && examples[0].TextB is not null;
        var texts = pair ? examples.SelectMany(e => new[] { e.Text, e.TextB! }).ToArray() : examples.Select(e => e.Text).ToArray();
        var vectors = encoder.Encode(texts, progress, cancellationToken);
        var rows = new SparseVector[examples.Count];
        for (int i = 0; i < rows.Length; i++)
            rows[i] = pair ? SparseVector.FromDense(PairFeatures.Combine(vectors[2 * i], vectors[2 * i + 1])) : SparseVector.FromDense(vectors[i]);
        return rows;
    }
}
