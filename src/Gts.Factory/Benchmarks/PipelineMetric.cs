using Gts.Core.Metrics;

namespace Gts.Factory.Benchmarks;

/// <summary>The metric each data set is judged by in the pipeline tables: MCC on the imbalanced binary sets, macro-F1 on banking77
/// and FewCLUE, accuracy elsewhere. The teacher − floor gap is taken on it; the student/teacher ratio is always on accuracy.</summary>
public static class PipelineMetric
{
    public static string NameOf(string dataset) => dataset switch
    {
        "sms_spam" or "amazon_counterfactual_en" => "MCC",
        "banking77" => "macro-F1",
        _ when PipelineProfile.IsFewClue(dataset) => "macro-F1",
        _ => "accuracy",
    };

    public static double ValueOf(string dataset, ClassificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return NameOf(dataset) switch
        {
            "MCC" => report.Mcc,
            "macro-F1" => report.MacroF1,
            _ => report.Accuracy,
        };
    }
}
