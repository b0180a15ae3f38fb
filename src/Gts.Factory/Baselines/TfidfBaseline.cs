using System.Diagnostics;
using Gts.Core.Data;
using Gts.Factory.Recipes;

namespace Gts.Factory.Baselines;

/// <summary>TF-IDF + logistic regression (C = 1): fitted on the training examples only; pairs as [u, v, |u - v|, u * v].</summary>
public static class TfidfBaseline
{
    public static BaselineRun Run(IReadOnlyList<Example> train, IReadOnlyList<Example> test, int classes, Language language = Language.Auto)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var start = Stopwatch.GetTimestamp();
        var (Row, width) = Featurize(train, language);
        var rows = train.Select(Row).ToArray();
        var model = LogisticRegression.Fit(rows, train.Select(e => e.Label).ToArray(), width, classes);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var predictions = test.Select(e => model.Predict(Row(e))).ToArray();
        return new BaselineRun(predictions, width, model.Iterations, seconds);
    }

    /// <summary>The feature map fitted on <paramref name="train"/>'s texts (both sides of pairs) and its width.</summary>
    public static (Func<Example, SparseVector> Row, int Width) Featurize(IReadOnlyList<Example> train, Language language = Language.Auto)
    {
        ArgumentNullException.ThrowIfNull(train);
        bool pair = train.Count > 0 && train[0].TextB is not null;
        var fitTexts = pair ? train.SelectMany(e => new[] { e.Text, e.TextB! }).ToArray() : train.Select(e => e.Text).ToArray();
        var featurizer = TfidfFeaturizer.Fit(fitTexts, language);
        SparseVector Row(Example e) => pair
            ? PairVectors.Combine(featurizer.Transform(e.Text), featurizer.Transform(e.TextB ?? ""), featurizer.Width)
            : featurizer.Transform(e.Text);
        return (Row, pair ? 4 * featurizer.Width : featurizer.Width);
    }
}
