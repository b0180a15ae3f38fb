using System.Text.Json;

namespace Gts.Factory.Benchmarks;

/// <summary>Finished grid cells as one JSON file per cell (written to a temporary name, then renamed), so a grid resumes
/// where it stopped: a cell with a stored result of the current protocol is not run again.</summary>
public class JsonCellStore<TCell, TResult>(string directory, int protocol, JsonSerializerOptions json)
    where TCell : IBenchmarkCell, IEquatable<TCell>
    where TResult : class, IBenchmarkResult<TCell>
{
    public string Directory { get; } = directory;

    public string PathOf(TCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Path.Combine(Directory, cell.Key + ".json");
    }

    /// <summary>The stored result of a cell, or null when there is none (or it is unreadable or from another protocol).</summary>
    public TResult? TryLoad(TCell cell)
    {
        var path = PathOf(cell);
        if (!File.Exists(path)) return null;
        try
        {
            var result = JsonSerializer.Deserialize<TResult>(File.ReadAllText(path), json);
            return result is not null && result.Protocol == protocol && result.Cell.Equals(cell) ? result : null;
        }
        catch (JsonException)
        {
            return null; // a damaged file is recomputed
        }
    }

    public void Save(TResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(result.Cell);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(result, json));
        File.Move(temp, path, overwrite: true);
    }
}
