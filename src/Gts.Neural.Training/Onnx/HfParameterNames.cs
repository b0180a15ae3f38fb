using System.Text.RegularExpressions;

namespace Gts.Neural.Training.Onnx;

/// <summary>Maps this engine's parameter names to the Hugging Face BERT names that BERT-family ONNX files use.</summary>
public static partial class HfParameterNames
{
    /// <summary>The HF name of an encoder parameter (e.g. layer.3.ffn.output.weight -> encoder.layer.3.output.dense.weight), or null for a parameter HF BERT has not (Pre-LN's final norm).</summary>
    public static string? FromEngine(string engineName)
    {
        if (engineName.StartsWith("embeddings.", StringComparison.Ordinal)) return engineName;
        var m = LayerName().Match(engineName);
        if (!m.Success) return null;
        var prefix = $"encoder.layer.{m.Groups[1].Value}.";
        var module = m.Groups[2].Value switch
        {
            "attention.query" => "attention.self.query",
            "attention.key" => "attention.self.key",
            "attention.value" => "attention.self.value",
            "attention.output" => "attention.output.dense",
            "attention_norm" => "attention.output.LayerNorm",
            "ffn.intermediate" => "intermediate.dense",
            "ffn.output" => "output.dense",
            "ffn_norm" => "output.LayerNorm",
            _ => null,
        };
        return module is null ? null : prefix + module + "." + m.Groups[3].Value;
    }

    [GeneratedRegex(@"^layer\.(\d+)\.(.+)\.(weight|bias)$")]
    private static partial Regex LayerName();
}
