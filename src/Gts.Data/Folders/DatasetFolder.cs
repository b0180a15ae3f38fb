using Gts.Core.Data;
using Gts.Core.Errors;
using Gts.Data.Import;
using Gts.Data.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gts.Data.Folders;

/// <summary>Loads a data-set folder (see <see cref="DatasetFolderLayout"/>) into a <see cref="Dataset"/>.</summary>
public static class DatasetFolder
{
    /// <summary>Loads the folder; throws <see cref="GtsException"/> at the first bad record, and logs
    /// overlap warnings (<see cref="OverlapCheck"/>) to <paramref name="logger"/>.</summary>
    public static Dataset Load(string directory, ImportOptions? options = null, ILogger? logger = null)
    {
        var dataset = Read(directory, options ?? ImportOptions.Default, errors: null)!;
        logger ??= NullLogger.Instance;
        foreach (var w in OverlapCheck.Find(dataset))
            logger.LogWarning("{Dataset}: {Message} Examples: {Examples}", dataset.Name, w.Message, string.Join(" | ", w.Examples));
        return dataset;
    }

    /// <summary>Reads every file; with <paramref name="errors"/> given, records the first error of each file there
    /// and goes on (returning null if any), otherwise throws it.</summary>
    internal static Dataset? Read(string directory, ImportOptions options, List<GtsException>? errors)
    {
        var layout = DatasetFolderLayout.Find(directory);
        var labels = Try<LabelSet?>(errors, () => layout.LabelsFile is not null
            ? LabelFile.Read(layout.LabelsFile)
            : LabelInference.Infer(ExampleImporter.ReadLabelNames(layout.LabeledFiles, options)), null);
        IReadOnlyList<Example> Labeled(string? path) =>
            path is null || labels is null ? [] : Try(errors, () => ExampleImporter.ReadLabeled(path, labels, options), []);

        var train = Labeled(layout.Train);
        var dev = Labeled(layout.Dev);
        var test = Labeled(layout.Test);
        var extra = layout.Extra.ToDictionary(e => e.Key, e => Labeled(e.Value), StringComparer.Ordinal);
        var pools = layout.Unlabeled.Select(p => (Path: p, Examples: Try(errors, () => ExampleImporter.ReadUnlabeled(p, options), []))).ToList();

        var parts = new List<(string Path, IReadOnlyList<Example> Examples)>();
        if (layout.Train is not null) parts.Add((layout.Train, train));
        if (layout.Dev is not null) parts.Add((layout.Dev, dev));
        if (layout.Test is not null) parts.Add((layout.Test, test));
        parts.AddRange(layout.Extra.Select(e => (e.Value, extra[e.Key])));
        parts.AddRange(pools.Where(p => RecordFile.DetectFormat(p.Path) != FileFormat.PlainText));
        bool isPair = Try(errors, () => PairShape(parts), false);
        if (errors is { Count: > 0 }) return null;

        return new Dataset
        {
            Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))),
            Labels = labels!,
            IsPair = isPair,
            Train = train,
            Dev = dev,
            Test = test,
            Unlabeled = pools.Count == 1 ? pools[0].Examples : pools.SelectMany(p => p.Examples).ToArray(),
            ExtraSplits = extra,
        };
    }

    /// <summary>True when the files are sentence pairs; every non-empty file must agree with the first.</summary>
    private static bool PairShape(List<(string Path, IReadOnlyList<Example> Examples)> parts)
    {
        var nonEmpty = parts.Where(p => p.Examples.Count > 0).ToList();
        if (nonEmpty.Count == 0) return false;
        bool pair = nonEmpty[0].Examples[0].TextB is not null;
        foreach (var (path, examples) in nonEmpty)
        {
            if ((examples[0].TextB is not null) == pair) continue;
            throw new GtsException(ErrorKind.InvalidInput,
                $"the records are {(pair ? "single texts" : "sentence pairs")}, but {Path.GetFileName(nonEmpty[0].Path)} holds {(pair ? "sentence pairs" : "single texts")}.",
                "Give every file of a data set the same shape: all with a second text (text_b) or none.",
                new SourceLocation(path, examples[0].Line, "text_b"));
        }
        return pair;
    }

    private static T Try<T>(List<GtsException>? errors, Func<T> read, T fallback)
    {
        if (errors is null) return read();
        try
        {
            return read();
        }
        catch (GtsException e)
        {
            errors.Add(e);
            return fallback;
        }
    }
}
