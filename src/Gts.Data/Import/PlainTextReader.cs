namespace Gts.Data.Import;

/// <summary>Reads a raw corpus: every non-blank line is one unlabeled text.</summary>
internal static class PlainTextReader
{
    public static IEnumerable<RawRecord> Read(Utf8LineReader lines)
    {
        while (lines.TryReadLine(out var line))
        {
            var text = line.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return new RawRecord(lines.LineNumber, text, null, null, null);
        }
    }
}
