using System.Text.Json;
using Gts.Core.Compute;

namespace Gts.Dispatch.Orchestration;

/// <summary>A placement as the text stored in a step's Assignment, so a restarted dispatcher knows what is in use.</summary>
public static class PlacementJson
{
    public static string Write(Placement placement) => JsonSerializer.Serialize(placement);

    public static Placement? Read(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try { return JsonSerializer.Deserialize<Placement>(text); }
        catch (JsonException) { return null; }
    }

    /// <summary>"pool: n1 gpus 0,1; n2 gpus 0,1" for people.</summary>
    public static string Describe(string? text) =>
        Read(text) is { } p ? $"{p.Pool}: " + string.Join("; ", p.Nodes.Select(n => n.GpuIndices.Count == 0 ? n.Node : $"{n.Node} gpus {n.CudaVisibleDevices}")) : "";
}
