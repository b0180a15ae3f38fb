using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>JSON for scripts: camelCase, enums as names, indented.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
