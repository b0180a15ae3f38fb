namespace Gts.Data.Import;

/// <summary>One record as read from a file, before its label is resolved against a label set.</summary>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="Text">The text (never empty).</param>
/// <param name="TextB">The second text of a pair, or null.</param>
/// <param name="Label">The label as written, or null when the record has none.</param>
/// <param name="LabelField">The field or column the label came from (for messages), or null.</param>
public readonly record struct RawRecord(int Line, string Text, string? TextB, string? Label, string? LabelField);
