namespace Gts.Data.Import;

/// <summary>How data files are read: column names and the per-record size limit.</summary>
public sealed record ImportOptions
{
    /// <summary>1 MiB: far above any real sentence or document record, small enough to catch a file without newlines.</summary>
    public const int DefaultMaxRecordBytes = 1 << 20;

    public static ImportOptions Default { get; } = new();

    public ColumnNames Columns { get; init; } = ColumnNames.Default;

    /// <summary>Largest allowed record (one JSONL line, one CSV row, one text line) in UTF-8 bytes.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;
}
