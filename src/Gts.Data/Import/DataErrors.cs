using Gts.Core.Errors;

namespace Gts.Data.Import;

/// <summary>Builds the user errors of data import so that every message has the same shape.</summary>
internal static class DataErrors
{
    public static GtsException Invalid(string file, int line, string? field, string message, string fix) =>
        new(ErrorKind.InvalidInput, message, fix, new SourceLocation(file, line, field));

    public static GtsException NotFound(string file, string what, string fix) =>
        new(ErrorKind.NotFound, $"{what} does not exist.", fix, new SourceLocation(file));

    /// <summary>A short quoted preview of a value for messages (long values are cut).</summary>
    public static string Preview(string value, int max = 40) =>
        value.Length <= max ? $"'{value}'" : $"'{value[..max]}…' ({value.Length} characters)";

    /// <summary>At most <paramref name="max"/> names, comma-separated, with a count of the rest.</summary>
    public static string List(IReadOnlyList<string> names, int max = 12) =>
        names.Count <= max ? string.Join(", ", names) : string.Join(", ", names.Take(max)) + $", … ({names.Count - max} more)";
}
