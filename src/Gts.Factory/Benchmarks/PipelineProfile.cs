namespace Gts.Factory.Benchmarks;

/// <summary>Which cells a pipeline benchmark covers: data sets x seeds with the full pipeline, plus the ablation variants on
/// <see cref="AblationDatasets"/>. FewCLUE data sets use their official splits train_i/dev_i, with the seeds as split indices.</summary>
public sealed record PipelineProfile(string Name, IReadOnlyList<string> Datasets, IReadOnlyList<int> Seeds, int K,
    IReadOnlyList<string> AblationDatasets, int MaxPool = 5000)
{
    /// <summary>The ablation variants run on <see cref="AblationDatasets"/> (all by default).</summary>
    public IReadOnlyList<string> Ablations { get; init; } = PipelineVariant.Ablations;

    /// <summary>The English list (the teacher − MiniLM gap target is averaged over it).</summary>
    public static IReadOnlyList<string> English { get; } =
        ["sst2", "cr", "trec", "agnews", "sst5", "banking77", "amazon_counterfactual_en", "sms_spam"];

    public static IReadOnlyList<string> FewClue { get; } =
        ["fewclue_eprstmt", "fewclue_tnews", "fewclue_iflytek", "fewclue_bustm", "fewclue_ocnli"];

    /// <summary>4 English sets, 3 seeds, ablations on sst2: about 3 minutes per cell on an idle 2-core machine.</summary>
    public static PipelineProfile Quick { get; } = new("quick", ["sst2", "cr", "agnews", "sms_spam"], [0, 1, 2], 8, ["sst2"]);

    /// <summary>The tables: the English list and five FewCLUE tasks, seeds (or official splits) 0-4, ablations on the English list.</summary>
    public static PipelineProfile Full { get; } = new("full", [.. English, .. FewClue], [0, 1, 2, 3, 4], 8, English);

    public static PipelineProfile? Find(string name) => name.ToLowerInvariant() switch
    {
        "quick" => Quick,
        "full" => Full,
        _ => null,
    };

    public static bool IsFewClue(string dataset) => dataset.StartsWith("fewclue_", StringComparison.Ordinal);

    /// <summary>The cells of one data set: the full pipeline per seed, then each ablation per seed when the data set has ablations.</summary>
    public IReadOnlyList<PipelineCell> CellsOf(string dataset)
    {
        var variants = AblationDatasets.Contains(dataset) ? [PipelineVariant.Full, .. Ablations] : new[] { PipelineVariant.Full };
        var (setting, k) = IsFewClue(dataset) ? (PipelineCell.Official, 0) : (PipelineCell.KShot, K);
        return variants.SelectMany(v => Seeds.Select(seed => new PipelineCell(dataset, v, setting, k, seed))).ToList();
    }
}
