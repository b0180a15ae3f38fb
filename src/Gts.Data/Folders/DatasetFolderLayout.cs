using Gts.Core.Errors;
using Gts.Data.Import;

namespace Gts.Data.Folders;

/// <summary>Which files of a data-set folder hold what: `labels.txt`, `train|dev|test|unlabeled.{jsonl,csv,tsv}[.gz]`,
/// a raw `corpus.txt[.gz]` (pool text) and `splits/*` (extra training splits such as FewCLUE's `train_0..4`).</summary>
public sealed record DatasetFolderLayout
{
    public required string Directory { get; init; }

    public string? LabelsFile { get; init; }

    public string? Train { get; init; }

    public string? Dev { get; init; }

    public string? Test { get; init; }

    /// <summary>Unlabeled pool files: `unlabeled.*` then `corpus.*`, when present.</summary>
    public IReadOnlyList<string> Unlabeled { get; init; } = [];

    /// <summary>Extra labelled splits by name (file name without extension), in ordinal name order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];

    /// <summary>The labelled files: train, dev, test, then the extra splits.</summary>
    public IEnumerable<string> LabeledFiles =>
        new[] { Train, Dev, Test }.OfType<string>().Concat(Extra.Select(e => e.Value));

    public static DatasetFolderLayout Find(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new GtsException(ErrorKind.NotFound, "the data-set folder does not exist.",
                "Give the path of a folder holding train/test files, for example ../shared/data/text/sst2.", new SourceLocation(directory));
        var labels = Path.Combine(directory, "labels.txt");
        var layout = new DatasetFolderLayout
        {
            Directory = directory,
            LabelsFile = File.Exists(labels) ? labels : null,
            Train = One(directory, "train"),
            Dev = One(directory, "dev"),
            Test = One(directory, "test"),
            Unlabeled = new[] { One(directory, "unlabeled"), One(directory, "corpus") }.OfType<string>().ToArray(),
            Extra = ExtraSplits(Path.Combine(directory, "splits")),
        };
        if (layout.Train is null && layout.Dev is null && layout.Test is null && layout.Unlabeled.Count == 0 && layout.Extra.Count == 0)
            throw new GtsException(ErrorKind.NotFound, "the folder holds no data files.",
                "Put train.jsonl, test.jsonl (or .csv/.tsv, optionally .gz), labels.txt and optionally dev/unlabeled files in it.",
                new SourceLocation(directory));
        return layout;
    }

    private static string? One(string directory, string stem)
    {
        var found = RecordFile.Extensions.Select(e => Path.Combine(directory, stem + e)).Where(File.Exists).ToList();
        if (found.Count > 1)
            throw new GtsException(ErrorKind.InvalidInput, $"the '{stem}' split is in {found.Count} files: {string.Join(", ", found.Select(Path.GetFileName))}.",
                "Keep one file per split.", new SourceLocation(directory));
        return found.Count == 1 ? found[0] : null;
    }

    private static KeyValuePair<string, string>[] ExtraSplits(string splits)
    {
        if (!System.IO.Directory.Exists(splits)) return [];
        return System.IO.Directory.EnumerateFiles(splits)
            .Where(f => RecordFile.DetectFormat(f) is { } format && format != FileFormat.PlainText)
            .Select(f => KeyValuePair.Create(SplitName(f), f))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
    }

    private static string SplitName(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return Path.GetFileNameWithoutExtension(name);
    }
}
