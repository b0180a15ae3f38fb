using Gts.Core.Data;

namespace Gts.Data.Import;

/// <summary>Turns a data file into <see cref="Example"/>s: labelled (every label must be in the label set) or
/// unlabeled (labels ignored).</summary>
public static class ExampleImporter
{
    /// <summary>Every record of a labelled file, in file order, with its label resolved against <paramref name="labels"/>.</summary>
    public static IReadOnlyList<Example> ReadLabeled(string path, LabelSet labels, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var examples = new List<Example>();
        foreach (var r in RecordFile.Read(path, options))
        {
            if (r.Label is null)
                throw DataErrors.Invalid(path, r.Line, r.LabelField, "the record has no label.",
                    "Add the label, or move unlabeled records to an unlabeled pool file (unlabeled.jsonl).");
            int index = labels.IndexOf(r.Label);
            if (index < 0)
                throw DataErrors.Invalid(path, r.Line, r.LabelField,
                    $"the label {DataErrors.Preview(r.Label)} is not in the label set ({DataErrors.List(labels.Names)}).",
                    "Correct the label, or add it to the label file (labels.txt, one name per line).");
            examples.Add(new Example(r.Text, r.TextB, index, r.Line));
        }
        return examples;
    }

    /// <summary>Every record of a file as pool text; labels, when present, are ignored.</summary>
    public static IReadOnlyList<Example> ReadUnlabeled(string path, ImportOptions? options = null)
    {
        var examples = new List<Example>();
        foreach (var r in RecordFile.Read(path, options))
            examples.Add(new Example(r.Text, r.TextB, Example.Unlabeled, r.Line));
        return examples;
    }

    /// <summary>The distinct label names written in the files, for <see cref="LabelInference.Infer"/>.</summary>
    public static IReadOnlyList<string> ReadLabelNames(IEnumerable<string> paths, ImportOptions? options = null)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
            foreach (var r in RecordFile.Read(path, options))
                if (r.Label is not null) names.Add(r.Label);
        return [.. names];
    }
}
