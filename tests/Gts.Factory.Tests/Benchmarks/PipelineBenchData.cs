using Gts.Core.Data;
using Gts.Core.Metrics;
using Gts.Factory.Benchmarks;
using Gts.Factory.Pipeline;

namespace Gts.Factory.Tests.Benchmarks;

/// <summary>Small in-memory data sets and cell results for the pipeline-benchmark tests.</summary>
internal static class PipelineBenchData
{
    public static Dataset Binary(int perClassTrain, int perClassDev, int pool = 6)
    {
        var labels = new LabelSet(["neg", "pos"]);
        IReadOnlyList<Example> Split(string prefix, int perClass) =>
            Enumerable.Range(0, 2 * perClass).Select(i => new Example($"{prefix} text {i}", null, i % 2, i + 1)).ToList();
        return new Dataset
        {
            Name = "toy",
            Labels = labels,
            Train = Split("train", perClassTrain),
            Dev = Split("dev", perClassDev),
            Test = Split("test", 5),
            Unlabeled = Enumerable.Range(0, pool).Select(i => Example.Pool($"pool text {i}", i + 1)).ToList(),
        };
    }

    /// <summary>A finished cell whose models got exactly these accuracies on a 100-text binary test set.</summary>
    public static PipelineCellResult Cell(string dataset, string variant, int seed, double teacher, double student, double tfidf, double minilm) => new()
    {
        Cell = new PipelineCell(dataset, variant, PipelineCell.KShot, 8, seed),
        Labels = ["neg", "pos"],
        TestCount = 100,
        Models = new Dictionary<string, ClassificationReport>
        {
            [EvaluationReport.Teacher] = Report(teacher),
            [EvaluationReport.Student] = Report(student),
            [EvaluationReport.Tfidf] = Report(tfidf),
            [EvaluationReport.FrozenMiniLM] = Report(minilm),
        },
        StudentBytes = 4_500_000,
        StudentTextsPerSecond = 20_000 + seed,
        StepSeconds = new Dictionary<string, double> { ["teach"] = 10 + seed, ["distill"] = 20 },
        PseudoLabels = 100 * seed,
        FinishedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>A report on 50 gold negatives and 50 gold positives with round(100 x accuracy) correct, errors split over both classes.</summary>
    public static ClassificationReport Report(double accuracy)
    {
        int wrong = 100 - (int)Math.Round(100 * accuracy);
        var gold = Enumerable.Range(0, 100).Select(i => i < 50 ? 0 : 1).ToArray();
        var predicted = gold.Select((g, i) => (i < 50 ? i < wrong / 2 : i - 50 < wrong - wrong / 2) ? 1 - g : g).ToArray();
        return ClassificationReport.Compute(gold, predicted, 2);
    }
}
