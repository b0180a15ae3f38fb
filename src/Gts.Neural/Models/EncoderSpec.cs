namespace Gts.Neural.Models;

/// <summary>A BERT-family sentence encoder on disk: ONNX file, WordPiece vocabulary, pooling and casing.</summary>
/// <param name="Name">Short name used in reports and cache keys (e.g. "minilm").</param>
/// <param name="OnnxPath">ONNX file with inputs input_ids / attention_mask (/ token_type_ids) and a [batch, seq, hidden] output.</param>
/// <param name="VocabPath">vocab.txt, one word piece per line, line number = id.</param>
/// <param name="Pooling">How the token states are pooled.</param>
/// <param name="LowerCase">True for uncased models (lower-case and strip accents before WordPiece).</param>
public sealed record EncoderSpec(string Name, string OnnxPath, string VocabPath, PoolingMode Pooling, bool LowerCase = true)
{
    /// <summary>Known sha256 (lower-case hex) of the ONNX file; null when it has to be computed from the file.</summary>
    public string? OnnxSha256 { get; init; }
}
