using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gts.Factory.Pipeline;

/// <summary>JSON settings shared by every artifact the factory writes (readable, non-ASCII text kept as is).</summary>
public static class ArtifactJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
