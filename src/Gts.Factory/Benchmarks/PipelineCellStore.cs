using System.Text.Json;

namespace Gts.Factory.Benchmarks;

/// <summary>Finished pipeline cells as one JSON file per cell (written to a temporary name, then renamed), so a benchmark
/// resumes where it stopped: a cell with a stored result of the current protocol is not run again.</summary>
public sealed class PipelineCellStore(string directory)
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Directory { get; } = directory;

    public string PathOf(PipelineCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Path.Combine(Directory, cell.Key + ".json");
    }

    /// <summary>The stored result of a cell, or null when there is none (or it is unreadable or from another protocol).</summary>
    public PipelineCellResult? TryLoad(PipelineCell cell)
    {
        var path = PathOf(cell);
        if (!File.Exists(path)) return null;
        try
        {
            var result = JsonSerializer.Deserialize<PipelineCellResult>(File.ReadAllText(path), Json);
            return result is not null && result.Protocol == PipelineCellResult.CurrentProtocol && result.Cell == cell ? result : null;
        }
        catch (JsonException)
        {
            return null; // a damaged file is recomputed
        }
    }

    public void Save(PipelineCellResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(result.Cell);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
        File.Move(temp, path, overwrite: true);
    }
}
