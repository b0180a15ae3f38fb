using Gts.Core.Data;
using Gts.Data.Validation;

namespace Gts.Data.Reports;

/// <summary>What a data set holds: per split rows, class balance and text lengths, plus warnings.</summary>
public sealed record DataReport(
    string Name,
    bool IsPair,
    IReadOnlyList<string> Labels,
    IReadOnlyList<SplitReport> Splits,
    IReadOnlyList<DataWarning> Warnings)
{
    /// <summary>The report of a loaded data set: train, dev, test, unlabeled, then the extra splits (empty splits left out).</summary>
    public static DataReport Build(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var splits = new List<SplitReport>();
        void Add(string name, IReadOnlyList<Example> examples, bool labeled)
        {
            if (examples.Count > 0) splits.Add(Split(name, examples, labeled ? dataset.Labels.Count : 0));
        }
        Add("train", dataset.Train, true);
        Add("dev", dataset.Dev, true);
        Add("test", dataset.Test, true);
        Add("unlabeled", dataset.Unlabeled, false);
        foreach (var (name, examples) in dataset.ExtraSplits.OrderBy(p => p.Key, StringComparer.Ordinal)) Add(name, examples, true);
        return new DataReport(dataset.Name, dataset.IsPair, dataset.Labels.Names, splits, OverlapCheck.Find(dataset));
    }

    private static SplitReport Split(string name, IReadOnlyList<Example> examples, int classes)
    {
        var counts = new int[classes];
        var chars = new int[examples.Count];
        var tokens = new int[examples.Count];
        for (int i = 0; i < examples.Count; i++)
        {
            var e = examples[i];
            if (e.Label >= 0 && e.Label < classes) counts[e.Label]++;
            chars[i] = e.Text.Length + (e.TextB?.Length ?? 0);
            tokens[i] = Tokens(e.Text) + (e.TextB is null ? 0 : Tokens(e.TextB));
        }
        return new SplitReport(name, examples.Count, counts, LengthStats.Of(chars), LengthStats.Of(tokens));
    }

    private static int Tokens(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
