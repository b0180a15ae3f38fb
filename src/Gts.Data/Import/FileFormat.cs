namespace Gts.Data.Import;

/// <summary>The record formats a data file can have; chosen from the file name (an optional `.gz` is gzip).</summary>
public enum FileFormat
{
    /// <summary>`.jsonl`: one JSON object per line.</summary>
    JsonLines,

    /// <summary>`.csv`: comma-separated with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>`.tsv`: tab-separated with a header row.</summary>
    Tsv,

    /// <summary>`.txt`: one unlabeled text per line (a raw corpus).</summary>
    PlainText,
}
