using System.Text.Json;

namespace Gts.Data.Import;

/// <summary>Reads JSON Lines: one object per line; blank lines are skipped; the first record decides whether
/// the file holds pairs, and every record must then agree.</summary>
internal static class JsonLinesReader
{
    public static IEnumerable<RawRecord> Read(Utf8LineReader lines, string file, ColumnNames columns)
    {
        bool? pair = null;
        while (lines.TryReadLine(out var line))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            int n = lines.LineNumber;
            using var doc = Parse(line, file, n);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw DataErrors.Invalid(file, n, null, $"the line is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.",
                    "Write one JSON object per line, such as {\"text\": \"...\", \"label\": \"...\"}.");

            var (textField, text) = Find(root, columns.Text, file, n);
            if (text is null)
                throw DataErrors.Invalid(file, n, columns.Text[0], $"the record has no text: none of the fields {string.Join(", ", columns.Text)} is present.",
                    "Add a \"text\" field, or name the text field (ImportOptions.Columns, CLI --text-column).");
            RecordRules.RequireText(text, file, n, textField!);

            var (textBField, textB) = Find(root, columns.TextB, file, n);
            pair ??= textB is not null;
            RecordRules.RequirePairAgreement(pair.Value, textB, file, n, textBField ?? columns.TextB[0]);
            if (textB is not null) RecordRules.RequireText(textB, file, n, textBField!);

            var (labelField, label) = Find(root, columns.Label, file, n);
            yield return new RawRecord(n, text, textB, label, labelField ?? columns.Label[0]);
        }
    }

    private static JsonDocument Parse(string line, string file, int n)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            var what = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.');
            throw DataErrors.Invalid(file, n, null, $"malformed JSON at byte {e.BytePositionInLine + 1}: {what}.",
                "Each line must be one complete JSON object; check the quotes, commas and escapes (\\\" and \\\\) near that byte.");
        }
    }

    /// <summary>The first candidate field present: its name and value (a string, or a number's text); null when absent or null.</summary>
    private static (string? Field, string? Value) Find(JsonElement obj, IReadOnlyList<string> names, string file, int n)
    {
        foreach (var name in names)
        {
            if (!obj.TryGetProperty(name, out var v)) continue;
            return v.ValueKind switch
            {
                JsonValueKind.String => (name, v.GetString()),
                JsonValueKind.Number => (name, v.GetRawText()),
                JsonValueKind.Null => (name, null),
                _ => throw DataErrors.Invalid(file, n, name, $"the field is a JSON {v.ValueKind.ToString().ToLowerInvariant()}, expected a string.",
                    $"Write \"{name}\" as a string, for example \"{name}\": \"...\"."),
            };
        }
        return (null, null);
    }
}
