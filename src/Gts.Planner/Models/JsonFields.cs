using System.Text.Json;
using Gts.Core.Errors;

namespace Gts.Planner.Models;

/// <summary>Typed reads of JSON object fields whose failures name the file and the field.</summary>
internal static class JsonFields
{
    public static int PositiveInt(JsonElement root, string field, string source, int? fallback = null)
    {
        if (!root.TryGetProperty(field, out var v))
        {
            if (fallback is { } f) return f;
            throw new GtsException(ErrorKind.InvalidInput, $"field '{field}' is missing", $"add \"{field}\": <positive integer>",
                new SourceLocation(source, 0, field));
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int n) || n <= 0)
            throw new GtsException(ErrorKind.InvalidInput, $"field '{field}' is {v.GetRawText()}, not a positive integer",
                $"give \"{field}\" as a positive integer", new SourceLocation(source, 0, field));
        return n;
    }

    public static double PositiveNumber(JsonElement root, string field, string source, double? fallback = null)
    {
        if (!root.TryGetProperty(field, out var v))
        {
            if (fallback is { } f) return f;
            throw new GtsException(ErrorKind.InvalidInput, $"field '{field}' is missing", $"add \"{field}\": <positive number>",
                new SourceLocation(source, 0, field));
        }
        if (v.ValueKind != JsonValueKind.Number || v.GetDouble() <= 0)
            throw new GtsException(ErrorKind.InvalidInput, $"field '{field}' is {v.GetRawText()}, not a positive number",
                $"give \"{field}\" as a positive number", new SourceLocation(source, 0, field));
        return v.GetDouble();
    }

    public static string String(JsonElement root, string field, string source, string? fallback = null)
    {
        if (root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString()!;
        if (fallback is not null && !root.TryGetProperty(field, out _)) return fallback;
        throw new GtsException(ErrorKind.InvalidInput, $"field '{field}' is missing or not a string", $"add \"{field}\": \"<text>\"",
            new SourceLocation(source, 0, field));
    }

    public static bool Bool(JsonElement root, string field, string source, bool fallback)
    {
        if (!root.TryGetProperty(field, out var v)) return fallback;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new GtsException(ErrorKind.InvalidInput, $"field '{field}' is {v.GetRawText()}, not true/false",
                $"give \"{field}\" as true or false", new SourceLocation(source, 0, field)),
        };
    }
}
