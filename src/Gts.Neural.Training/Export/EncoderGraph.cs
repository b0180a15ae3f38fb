using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Onnx;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Export;

/// <summary>Export route (b): writes the whole encoder as ONNX nodes (opset 17: LayerNormalization; GELU as its erf form),
/// for any shape and norm placement, e.g. encoders trained from scratch that have no packaged template graph. Weights carry
/// their Hugging Face BERT names where BERT has the parameter, so a Post-LN graph written here reads back through
/// <see cref="OnnxEncoderFile"/> like any BERT-family export (and can be fine-tuned again and re-exported by route (a)).</summary>
public static class EncoderGraph
{
    public const long Opset = 17;

    /// <summary>Appends the encoder reading the three int64 inputs; returns the last_hidden_state value name.</summary>
    public static string Append(OnnxGraphBuilder g, BertEncoder encoder, string ids, string mask, string types)
    {
        var c = encoder.Config;
        var p = encoder.named_parameters().ToDictionary(x => x.name, x => (Tensor)x.parameter);
        string W(string name, bool transpose = false) => g.NamedInitializer(OnnxTensor.FromTorch(HfParameterNames.FromEngine(name) ?? name, p[name], transpose));
        string Norm(string x, string name) => g.Node("LayerNormalization", [x, W(name + ".weight"), W(name + ".bias")],
            OnnxGraphBuilder.Float("epsilon", (float)c.LayerNormEps), OnnxGraphBuilder.Int("axis", -1));
        string Linear(string x, string name) => g.Node("Add", [g.Node("MatMul", [x, W(name + ".weight", transpose: true)]), W(name + ".bias")]);

        var seq = g.Node("Gather", [g.Node("Shape", [ids]), g.Int64Scalar("seq_axis", 1)], OnnxGraphBuilder.Int("axis", 0));
        var positions = g.Node("Range", [g.Int64Scalar("zero", 0), seq, g.Int64Scalar("one", 1)]);
        var embedded = g.Node("Add", [
            g.Node("Add", [g.Node("Gather", [W("embeddings.word_embeddings.weight"), ids]), g.Node("Gather", [W("embeddings.token_type_embeddings.weight"), types])]),
            g.Node("Gather", [W("embeddings.position_embeddings.weight"), positions])]);
        var hidden = Norm(embedded, "embeddings.LayerNorm");

        var maskFloat = g.Node("Cast", [mask], OnnxGraphBuilder.Int("to", (long)global::Onnx.TensorProto.Types.DataType.Float));
        var bias = g.Unsqueeze(g.Node("Mul", [g.Node("Sub", [g.Scalar("one_f", 1f), maskFloat]), g.Scalar("mask_bias", BertEncoder.MaskBias)]), 1, 2);
        var headShape = g.Int64s("head_shape", 0, 0, c.Heads, c.HeadDim);
        var mergeShape = g.Int64s("merge_shape", 0, 0, c.Hidden);
        var scale = g.Scalar("scale", (float)(1.0 / Math.Sqrt(c.HeadDim)));
        // Only DeepNorm scales the residual; an unused constant would make ONNX Runtime warn on every load.
        var alpha = c.Norm == NormPlacement.DeepNorm ? g.Scalar("alpha", (float)DeepNormScaling.ForEncoder(c.Layers).Alpha) : "";

        for (int l = 0; l < c.Layers; l++)
        {
            var n = $"layer.{l}.";
            string Attention(string x)
            {
                string Split(string name, long[] perm) => g.Node("Transpose", [g.Node("Reshape", [Linear(x, n + name), headShape])], OnnxGraphBuilder.Ints("perm", perm));
                var scores = g.Node("Add", [g.Node("Mul", [g.Node("MatMul", [Split("attention.query", [0, 2, 1, 3]), Split("attention.key", [0, 2, 3, 1])]), scale]), bias]);
                var context = g.Node("MatMul", [g.Node("Softmax", [scores], OnnxGraphBuilder.Int("axis", -1)), Split("attention.value", [0, 2, 1, 3])]);
                var merged = g.Node("Reshape", [g.Node("Transpose", [context], OnnxGraphBuilder.Ints("perm", 0, 2, 1, 3)), mergeShape]);
                return Linear(merged, n + "attention.output");
            }
            string Ffn(string x)
            {
                var h = Linear(x, n + "ffn.intermediate");
                var erf = g.Node("Erf", [g.Node("Mul", [h, g.Scalar("inv_sqrt2", (float)(1 / Math.Sqrt(2)))])]);
                var gelu = g.Node("Mul", [g.Node("Mul", [h, g.Scalar("half", 0.5f)]), g.Node("Add", [erf, g.Scalar("one_g", 1f)])]);
                return Linear(gelu, n + "ffn.output");
            }
            hidden = c.Norm switch
            {
                NormPlacement.PreLN => Residual(g.Node("Add", [hidden, Attention(Norm(hidden, n + "attention_norm"))]), x => g.Node("Add", [x, Ffn(Norm(x, n + "ffn_norm"))])),
                NormPlacement.DeepNorm => Residual(Norm(g.Node("Add", [g.Node("Mul", [hidden, alpha]), Attention(hidden)]), n + "attention_norm"),
                    x => Norm(g.Node("Add", [g.Node("Mul", [x, alpha]), Ffn(x)]), n + "ffn_norm")),
                _ => Residual(Norm(g.Node("Add", [hidden, Attention(hidden)]), n + "attention_norm"), x => Norm(g.Node("Add", [x, Ffn(x)]), n + "ffn_norm")),
            };
        }
        return c.Norm == NormPlacement.PreLN ? Norm(hidden, "final_norm") : hidden;
    }

    private static string Residual(string afterAttention, Func<string, string> ffnBlock) => ffnBlock(afterAttention);
}
