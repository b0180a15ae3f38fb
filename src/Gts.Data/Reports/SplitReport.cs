namespace Gts.Data.Reports;

/// <summary>One split of a data set: rows, examples per class (label-set order; empty for unlabeled text) and
/// text lengths in characters and whitespace-separated tokens (both sides of a pair together).</summary>
public sealed record SplitReport(
    string Name,
    int Rows,
    IReadOnlyList<int> ClassCounts,
    LengthStats Chars,
    LengthStats Tokens);
