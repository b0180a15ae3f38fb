using System.ComponentModel;
using Gts.Data.Import;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Data;

/// <summary>Options shared by the `gts data` commands: the folder and how to read it.</summary>
internal class DataFolderSettings : CommandSettings
{
    [CommandArgument(0, "<dir>")]
    [Description("Data-set folder: labels.txt, train/dev/test/unlabeled .jsonl/.csv/.tsv (optionally .gz), splits/.")]
    public string Directory { get; init; } = "";

    [CommandOption("--text-column <NAME>")]
    [Description("Field or column holding the text (default: text|sentence|sentence1|content|review).")]
    public string? TextColumn { get; init; }

    [CommandOption("--text-b-column <NAME>")]
    [Description("Field or column holding the second text of a pair (default: text_b|sentence2).")]
    public string? TextBColumn { get; init; }

    [CommandOption("--label-column <NAME>")]
    [Description("Field or column holding the label (default: label|label_name|category).")]
    public string? LabelColumn { get; init; }

    [CommandOption("--max-record-bytes <BYTES>")]
    [Description("Largest allowed record in bytes (default 1048576).")]
    public int MaxRecordBytes { get; init; } = ImportOptions.DefaultMaxRecordBytes;

    public ImportOptions ToOptions() => new()
    {
        Columns = ColumnNames.Default.With(TextColumn, TextBColumn, LabelColumn),
        MaxRecordBytes = MaxRecordBytes,
    };
}
