using System.Text.Json;

namespace Gts.Factory.Benchmarks;

/// <summary>The few-shot grid's cell cache.</summary>
public sealed class CellStore(string directory)
    : JsonCellStore<FewShotCell, FewShotCellResult>(directory, FewShotCellResult.CurrentProtocol, Json)
{
    /// <summary>The JSON shape of stored cells and reports: indented, camelCase.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
