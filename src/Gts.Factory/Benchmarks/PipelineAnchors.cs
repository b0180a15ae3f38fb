namespace Gts.Factory.Benchmarks;

/// <summary>Published numbers to read the tables against (percent; not measured here). English: SetFit with a 110M encoder at 8
/// labels per class, as issue 4 quotes it. FewCLUE: test_public accuracy from the FewCLUE paper, Table 3 (fine-tuning and PET
/// with RoBERTa), and GTSfactory's EPRSTMT result quoted in issue 4.</summary>
public static class PipelineAnchors
{
    private static readonly Dictionary<string, string> Text = new(StringComparer.Ordinal)
    {
        ["sst5"] = "SetFit 43.6",
        ["cr"] = "SetFit 88.5",
        ["agnews"] = "SetFit 82.9",
        ["amazon_counterfactual_en"] = "SetFit 40.3 (MCC)",
        ["fewclue_eprstmt"] = "FT 65.4, PET 86.7, GTSfactory 88.3 (accuracy)",
        ["fewclue_tnews"] = "FT 49.0, PET 54.5 (accuracy)",
        ["fewclue_iflytek"] = "FT 32.8, PET 46.0 (accuracy)",
        ["fewclue_bustm"] = "FT 60.7, PET 56.0 (accuracy)",
        ["fewclue_ocnli"] = "FT 33.0, PET 44.0 (accuracy)",
    };

    /// <summary>The anchor of a data set, or "—" when none was published for this setting.</summary>
    public static string Of(string dataset) => Text.GetValueOrDefault(dataset, "—");
}
