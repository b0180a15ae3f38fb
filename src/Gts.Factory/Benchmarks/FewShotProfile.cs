namespace Gts.Factory.Benchmarks;

/// <summary>Which cells a grid run covers: data sets x methods x shots x seeds, plus FewCLUE's official splits when asked.</summary>
public sealed record FewShotProfile(string Name, IReadOnlyList<string> Datasets, IReadOnlyList<string> Methods, IReadOnlyList<int> Shots,
    IReadOnlyList<int> Seeds, bool OfficialSplits)
{
    public static IReadOnlyList<string> AllMethods { get; } = ["tfidf", "minilm", "arcticxs"];

    /// <summary>The table: 8 data sets, K = 8 and 64, seeds 0-4, three methods (about 20 minutes on 2 idle cores).</summary>
    public static FewShotProfile Quick { get; } = new("quick",
        ["sst2", "cr", "trec", "agnews", "banking77", "sms_spam", "fewclue_eprstmt", "fewclue_tnews"], AllMethods, [8, 64], [0, 1, 2, 3, 4], false);

    /// <summary>All 13 data sets of the encoder note, plus the FewCLUE official splits (about an hour of embedding here).</summary>
    public static FewShotProfile Full { get; } = new("full",
        ["sst2", "sst5", "cr", "trec", "agnews", "banking77", "sms_spam", "amazon_counterfactual_en",
         "fewclue_eprstmt", "fewclue_tnews", "fewclue_iflytek", "fewclue_bustm", "fewclue_ocnli"], AllMethods, [8, 64], [0, 1, 2, 3, 4], true);

    public static FewShotProfile? Find(string name) => name.ToLowerInvariant() switch
    {
        "quick" => Quick,
        "full" => Full,
        _ => null,
    };

    /// <summary>The cells of one data set, methods outermost (so one encoder's cells run together).</summary>
    public IReadOnlyList<FewShotCell> CellsOf(string dataset, int officialSplits)
    {
        var cells = new List<FewShotCell>();
        foreach (var method in Methods)
        {
            foreach (var k in Shots)
                foreach (var seed in Seeds)
                    cells.Add(new FewShotCell(dataset, method, FewShotCell.KShot, k, seed));
            if (OfficialSplits)
                for (int i = 0; i < officialSplits; i++)
                    cells.Add(new FewShotCell(dataset, method, FewShotCell.Official, 0, i));
        }
        return cells;
    }
}
