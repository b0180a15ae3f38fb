using Gts.Core.Data;

namespace Gts.Data.Import;

/// <summary>Reads a label-set file: one label name per line, the label's index is its line (from 0).</summary>
public static class LabelFile
{
    public static LabelSet Read(string path)
    {
        if (!File.Exists(path)) throw DataErrors.NotFound(path, "the label file", "Check the path, or leave it out to infer labels from the data.");
        var lines = new List<string>();
        using (var reader = new Utf8LineReader(File.OpenRead(path), path, ImportOptions.DefaultMaxRecordBytes))
        {
            while (reader.TryReadLine(out var line)) lines.Add(line);
        }
        int count = lines.Count;
        while (count > 0 && string.IsNullOrWhiteSpace(lines[count - 1])) count--;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var name = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(name))
                throw DataErrors.Invalid(path, i + 1, null, "the label name is empty.", "Write one label name per line, with no blank lines between them.");
            if (name != name.Trim())
                throw DataErrors.Invalid(path, i + 1, null, $"the label {DataErrors.Preview(name)} starts or ends with spaces.", "Remove the spaces around the label name.");
            if (!seen.TryAdd(name, i + 1))
                throw DataErrors.Invalid(path, i + 1, null, $"the label '{name}' is already on line {seen[name]}.", "List every label once.");
        }
        if (count == 0) throw DataErrors.Invalid(path, 0, null, "the label file is empty.", "Write one label name per line, or delete the file to infer labels.");
        return new LabelSet(lines.Take(count).Select(l => l.TrimEnd('\r')));
    }
}
