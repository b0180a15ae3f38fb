using Gts.Core.Metrics;

namespace Gts.Factory.Benchmarks;

/// <summary>The second metric a data set is judged by besides accuracy: MCC on the imbalanced binary sets, macro-F1 on
/// banking77 and FewCLUE (note section 5), none elsewhere.</summary>
public static class DatasetMetric
{
    public static string? NameOf(string dataset) => dataset switch
    {
        "sms_spam" or "amazon_counterfactual_en" => "MCC",
        "banking77" => "macro-F1",
        _ when dataset.StartsWith("fewclue_", StringComparison.Ordinal) => "macro-F1",
        _ => null,
    };

    public static double ValueOf(string dataset, ClassificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return NameOf(dataset) == "MCC" ? report.Mcc : report.MacroF1;
    }

    public static double ValueOf(string dataset, ReferenceScore score) => NameOf(dataset) == "MCC" ? score.Mcc : score.MacroF1;
}
