using Gts.Core.Metrics;

namespace Gts.Factory.Pipeline;

/// <summary>Test-set results of one production run: every model side by side, plus the student's speed and size.</summary>
public sealed record EvaluationReport(
    int TestCount,
    IReadOnlyList<string> LabelNames,
    IReadOnlyDictionary<string, ClassificationReport> Models,
    double StudentTextsPerSecond,
    long StudentBytes)
{
    public const string Teacher = "teacher";
    public const string Student = "student";
    public const string Tfidf = "tfidf+lr (floor)";
    public const string FrozenMiniLM = "minilm+lr (floor)";
}
