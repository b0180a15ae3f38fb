using System.Text.Json;
using Gts.Core.Errors;
using Gts.Planner.Models;

namespace Gts.Planner.Hardware;

/// <summary>Reads a cluster from a preset (<c>dgx-a100-80gb:384</c>) or a JSON file:
/// <c>{"name":..., "gpu":"A100-80GB", "nodes":384, "gpusPerNode":8, "nodesPerSwitch":20,
/// "intraNodeGBps":300, "intraNodeLatencyUs":5, "interNodeGBps":25, "interNodeLatencyUs":10}</c>
/// (bandwidths per GPU per direction).</summary>
public static class ClusterFile
{
    /// <summary>A preset by name, else the JSON file at that path.</summary>
    public static ClusterSpec Load(string presetOrPath)
    {
        if (ClusterPresets.Find(presetOrPath) is { } preset) return preset;
        if (!File.Exists(presetOrPath))
            throw new GtsException(ErrorKind.NotFound, $"'{presetOrPath}' is neither a cluster preset nor a file",
                "name a preset as <name>:<nodes> (" + string.Join(", ", ClusterPresets.All.Select(c => c.Name)) + ") or the path of a cluster JSON file",
                new SourceLocation(presetOrPath, 0, "cluster"));
        return Parse(File.ReadAllText(presetOrPath), presetOrPath);
    }

    /// <summary>Parses the JSON text of a cluster file; <paramref name="source"/> names it in errors.</summary>
    public static ClusterSpec Parse(string json, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"not valid JSON: {e.Message}", "write the cluster as one JSON object",
                new SourceLocation(source, (int)(e.LineNumber ?? 0) + 1));
        }
        using (doc)
        {
            var r = doc.RootElement;
            var gpu = GpuCatalog.Get(JsonFields.String(r, "gpu", source), source, "gpu");
            return new ClusterSpec(
                JsonFields.String(r, "name", source, Path.GetFileNameWithoutExtension(source)),
                gpu,
                JsonFields.PositiveInt(r, "nodes", source),
                JsonFields.PositiveInt(r, "gpusPerNode", source),
                JsonFields.PositiveInt(r, "nodesPerSwitch", source, fallback: int.MaxValue),
                new LinkSpec(JsonFields.PositiveNumber(r, "intraNodeGBps", source) * 1e9,
                    JsonFields.PositiveNumber(r, "intraNodeLatencyUs", source, 5) * 1e-6),
                new LinkSpec(JsonFields.PositiveNumber(r, "interNodeGBps", source) * 1e9,
                    JsonFields.PositiveNumber(r, "interNodeLatencyUs", source, 10) * 1e-6),
                JsonFields.PositiveNumber(r, "hostLinkGBps", source, 25) * 1e9);
        }
    }
}
