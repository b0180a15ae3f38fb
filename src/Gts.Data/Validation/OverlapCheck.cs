using Gts.Core.Data;

namespace Gts.Data.Validation;

/// <summary>Finds texts that occur both in the test split and in the training split or the unlabeled pool
/// (exact match after trimming; pairs compare both sides), which would inflate test scores.</summary>
public static class OverlapCheck
{
    public const string TrainTest = "train-test-overlap";
    public const string PoolTest = "unlabeled-test-overlap";

    public static IReadOnlyList<DataWarning> Find(Dataset dataset, int maxExamples = 5)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var warnings = new List<DataWarning>();
        Add(warnings, TrainTest, "training", dataset.Train, dataset.Test, maxExamples);
        Add(warnings, PoolTest, "unlabeled", dataset.Unlabeled, dataset.Test, maxExamples);
        return warnings;
    }

    private static void Add(List<DataWarning> warnings, string code, string what, IReadOnlyList<Example> seen, IReadOnlyList<Example> test, int maxExamples)
    {
        if (seen.Count == 0 || test.Count == 0) return;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in seen) keys.Add(Key(e));
        var hits = test.Where(e => keys.Contains(Key(e))).ToList();
        if (hits.Count == 0) return;
        warnings.Add(new DataWarning(code,
            $"{hits.Count} of {test.Count} test texts also occur in the {what} data; test scores will be optimistic. Remove them from one side.",
            hits.Count,
            hits.Take(maxExamples).Select(e => $"test line {e.Line}: {Short(e.Text)}").ToArray()));
    }

    private static string Key(Example e) => e.TextB is null ? e.Text.Trim() : e.Text.Trim() + "\u001F" + e.TextB.Trim();

    private static string Short(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
