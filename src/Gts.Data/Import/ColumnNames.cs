namespace Gts.Data.Import;

/// <summary>Which field (JSONL) or header column (CSV/TSV) holds the text, the second text and the label;
/// each is a list of candidate names, the first one present wins.</summary>
public sealed record ColumnNames
{
    /// <summary>The defaults: text|sentence|sentence1|content|review, text_b|sentence2, label|label_name|category.</summary>
    public static ColumnNames Default { get; } = new();

    public IReadOnlyList<string> Text { get; init; } = ["text", "sentence", "sentence1", "content", "review"];

    public IReadOnlyList<string> TextB { get; init; } = ["text_b", "sentence2"];

    public IReadOnlyList<string> Label { get; init; } = ["label", "label_name", "category"];

    /// <summary>These names with any non-null override replacing the candidates of that column.</summary>
    public ColumnNames With(string? text = null, string? textB = null, string? label = null) => this with
    {
        Text = text is null ? Text : [text],
        TextB = textB is null ? TextB : [textB],
        Label = label is null ? Label : [label],
    };
}
