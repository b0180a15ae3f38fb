using System.Text.Json;

namespace Gts.Factory.Benchmarks;

/// <summary>The pipeline benchmark's cell cache.</summary>
public sealed class PipelineCellStore(string directory)
    : JsonCellStore<PipelineCell, PipelineCellResult>(directory, PipelineCellResult.CurrentProtocol, Json)
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
