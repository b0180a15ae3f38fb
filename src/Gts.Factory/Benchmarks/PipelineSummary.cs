using Gts.Core.Metrics;
using Gts.Factory.Pipeline;

namespace Gts.Factory.Benchmarks;

/// <summary>One data set x variant over its seeds: mean ± population std of every model's accuracy and judging metric, the
/// teacher − MiniLM-floor gap (points of the judging metric, per seed), the student/teacher accuracy ratio, the student's size
/// and speed, and the mean wall time of each step.</summary>
public sealed record PipelineSummary(
    string Dataset,
    string Variant,
    int Seeds,
    string Metric,
    IReadOnlyDictionary<string, MeanStd> Accuracy,
    IReadOnlyDictionary<string, MeanStd> Judged,
    MeanStd Gap,
    MeanStd Ratio,
    MeanStd StudentMegabytes,
    MeanStd StudentTextsPerSecond,
    IReadOnlyDictionary<string, MeanStd> StepSeconds,
    MeanStd PseudoLabels)
{
    public static IReadOnlyList<string> Models { get; } =
        [EvaluationReport.Teacher, EvaluationReport.Student, EvaluationReport.Tfidf, EvaluationReport.FrozenMiniLM];

    /// <summary>The summary of the cells that ran for this data set and variant, or null when none did.</summary>
    public static PipelineSummary? Of(IEnumerable<PipelineCellResult> results, string dataset, string variant)
    {
        ArgumentNullException.ThrowIfNull(results);
        var cells = results.Where(r => r.Cell.Dataset == dataset && r.Cell.Variant == variant && !r.Skipped).OrderBy(r => r.Cell.Seed).ToList();
        if (cells.Count == 0) return null;
        var models = Models.Where(m => cells.All(c => c.Models.ContainsKey(m))).ToList();
        var steps = cells[0].StepSeconds.Keys.Where(k => cells.All(c => c.StepSeconds.ContainsKey(k))).ToList();
        bool hasGap = models.Contains(EvaluationReport.Teacher) && models.Contains(EvaluationReport.FrozenMiniLM);
        bool hasRatio = models.Contains(EvaluationReport.Teacher) && models.Contains(EvaluationReport.Student);
        return new PipelineSummary(
            dataset,
            variant,
            cells.Count,
            PipelineMetric.NameOf(dataset),
            models.ToDictionary(m => m, m => MeanStd.Of(cells.Select(c => c.Models[m].Accuracy))),
            models.ToDictionary(m => m, m => MeanStd.Of(cells.Select(c => PipelineMetric.ValueOf(dataset, c.Models[m])))),
            hasGap ? MeanStd.Of(cells.Select(c => PipelineMetric.ValueOf(dataset, c.Models[EvaluationReport.Teacher]) - PipelineMetric.ValueOf(dataset, c.Models[EvaluationReport.FrozenMiniLM]))) : default,
            hasRatio ? MeanStd.Of(cells.Select(c => c.Models[EvaluationReport.Student].Accuracy / c.Models[EvaluationReport.Teacher].Accuracy)) : default,
            MeanStd.Of(cells.Select(c => c.StudentBytes / 1e6)),
            MeanStd.Of(cells.Select(c => c.StudentTextsPerSecond)),
            steps.ToDictionary(s => s, s => MeanStd.Of(cells.Select(c => c.StepSeconds[s]))),
            MeanStd.Of(cells.Select(c => (double)c.PseudoLabels)));
    }
}
