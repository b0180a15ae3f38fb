using System.Text;
using nietras.SeparatedValues;

namespace Gts.Data.Import;

/// <summary>Reads CSV and TSV with a header row through Sep; columns are chosen by header name.</summary>
internal static class DelimitedReader
{
    public static IEnumerable<RawRecord> Read(Utf8LineReader lines, string file, char separator, ImportOptions options)
    {
        var columns = options.Columns;
        var kind = separator == '\t' ? "TSV" : "CSV";
        using var text = new LineTextReader(lines);
        using var reader = Open(text, file, separator, kind);
        var names = reader.Header.ColNames;
        if (names.Count == 0 || names.All(string.IsNullOrWhiteSpace))
            throw DataErrors.Invalid(file, 1, null, $"the {kind} file has no header row.",
                $"Start the file with a header naming the columns, for example: text{separator}label.");
        int textCol = Find(names, columns.Text);
        if (textCol < 0)
            throw DataErrors.Invalid(file, 1, columns.Text[0], $"no text column: the header has {DataErrors.List(names)}, none of {string.Join(", ", columns.Text)}.",
                "Rename the text column to \"text\", or name it (ImportOptions.Columns, CLI --text-column).");
        int textBCol = Find(names, columns.TextB);
        int labelCol = Find(names, columns.Label);

        while (true)
        {
            int line;
            string value;
            string? valueB = null, label = null;
            try
            {
                if (!reader.MoveNext()) yield break;
                var row = reader.Current;
                line = row.LineNumberFrom;
                if (row.ColCount != names.Count)
                    throw DataErrors.Invalid(file, line, null,
                        $"malformed {kind}: the row has {row.ColCount} fields, the header has {names.Count}" +
                        (row.LineNumberToExcl - row.LineNumberFrom > 1 ? $" (the row runs to line {row.LineNumberToExcl - 1}: an unclosed quote?)." : "."),
                        $"Quote fields that contain '{Show(separator)}', '\"' or line breaks (\"...\", with \"\" for a quote inside), and close every quote.");
                if (Encoding.UTF8.GetByteCount(row.Span) > options.MaxRecordBytes)
                    throw DataErrors.Invalid(file, line, null, $"the record is over the limit of {options.MaxRecordBytes:N0} bytes.",
                        "Shorten the record or raise the limit (ImportOptions.MaxRecordBytes, CLI --max-record-bytes).");
                value = row[textCol].ToString();
                if (textBCol >= 0) valueB = row[textBCol].ToString();
                if (labelCol >= 0) label = row[labelCol].ToString();
            }
            catch (InvalidDataException e)
            {
                throw DataErrors.Invalid(file, lines.LineNumber, null, $"malformed {kind}: {e.Message}",
                    "Quote fields that contain the separator, quotes or line breaks, and close every quote.");
            }
            RecordRules.RequireText(value, file, line, names[textCol]);
            if (valueB is not null) RecordRules.RequireText(valueB, file, line, names[textBCol]);
            yield return new RawRecord(line, value, valueB, string.IsNullOrWhiteSpace(label) ? null : label,
                labelCol >= 0 ? names[labelCol] : columns.Label[0]);
        }
    }

    private static SepReader Open(TextReader text, string file, char separator, string kind)
    {
        try
        {
            return Sep.New(separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        }
        catch (InvalidDataException e)
        {
            throw DataErrors.Invalid(file, 1, null, $"malformed {kind} header: {e.Message}", "Write one header row naming the columns.");
        }
    }

    private static int Find(IReadOnlyList<string> header, IReadOnlyList<string> candidates)
    {
        foreach (var name in candidates)
        {
            for (int i = 0; i < header.Count; i++)
                if (string.Equals(header[i].Trim(), name, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static string Show(char separator) => separator == '\t' ? "\\t" : separator.ToString();
}
