using System.IO.Compression;
using Gts.Core.Errors;

namespace Gts.Data.Import;

/// <summary>Opens a data file by its name (`.jsonl`, `.csv`, `.tsv`, `.txt`, each optionally `.gz`) and reads its records.</summary>
public static class RecordFile
{
    /// <summary>The file name endings that <see cref="Read"/> accepts, in the order a folder is searched.</summary>
    public static IReadOnlyList<string> Extensions { get; } =
        [".jsonl", ".jsonl.gz", ".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz"];

    /// <summary>The format named by the file's extension, or null when the extension is not a data format.</summary>
    public static FileFormat? DetectFormat(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => FileFormat.JsonLines,
            ".csv" => FileFormat.Csv,
            ".tsv" => FileFormat.Tsv,
            ".txt" => FileFormat.PlainText,
            _ => null,
        };
    }

    /// <summary>Every record of the file in file order; throws <see cref="GtsException"/> at the first bad record.</summary>
    public static IEnumerable<RawRecord> Read(string path, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var format = DetectFormat(path) ?? throw new GtsException(ErrorKind.InvalidInput,
            "the file name does not say its format.",
            "Name data files *.jsonl, *.csv, *.tsv or *.txt (optionally with .gz).", new SourceLocation(path));
        if (!File.Exists(path)) throw DataErrors.NotFound(path, "the data file", "Check the path.");
        return ReadExisting(path, format, options);
    }

    private static IEnumerable<RawRecord> ReadExisting(string path, FileFormat format, ImportOptions options)
    {
        var lines = new Utf8LineReader(Open(path), path, options.MaxRecordBytes);
        var records = format switch
        {
            FileFormat.JsonLines => JsonLinesReader.Read(lines, path, options.Columns),
            FileFormat.Csv => DelimitedReader.Read(lines, path, ',', options),
            FileFormat.Tsv => DelimitedReader.Read(lines, path, '\t', options),
            _ => PlainTextReader.Read(lines),
        };
        using (lines)
        {
            foreach (var record in records) yield return record;
        }
    }

    private static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}
