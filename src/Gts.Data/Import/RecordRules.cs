namespace Gts.Data.Import;

/// <summary>Rules every record obeys whatever its format: non-empty texts, and pairs in every record of a pair file or none.</summary>
internal static class RecordRules
{
    public static void RequireText(string text, string file, int line, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw DataErrors.Invalid(file, line, field, "the text is empty.",
                "Fill in the text or remove the record; empty texts cannot be classified.");
    }

    public static void RequirePairAgreement(bool filePair, string? textB, string file, int line, string field)
    {
        if (filePair && textB is null)
            throw DataErrors.Invalid(file, line, field, "the record has no second text, but the file's first record is a sentence pair.",
                $"Give every record a \"{field}\", or none of them.");
        if (!filePair && textB is not null)
            throw DataErrors.Invalid(file, line, field, "the record has a second text, but the file's first record has none.",
                $"Give every record a \"{field}\", or none of them.");
    }
}
