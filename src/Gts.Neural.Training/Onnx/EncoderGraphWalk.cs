using Onnx;

namespace Gts.Neural.Training.Onnx;

/// <summary>Names every initializer of a BERT-family ONNX graph by its Hugging Face parameter name.</summary>
/// <remarks>Exported Linear weights are anonymous (`927`, `onnx::MatMul_788`) and stored [in, out]; they are named by
/// following MatMul -> Add(`&lt;module&gt;.bias`) (shared/notes/torchsharp.md section 4).</remarks>
public static class EncoderGraphWalk
{
    /// <summary>HF name (without any `bert.` prefix) -> initializer.</summary>
    public static Dictionary<string, InitializerRef> NameInitializers(GraphProto graph)
    {
        var inits = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var input in node.Input)
            {
                if (!consumers.TryGetValue(input, out var list)) consumers[input] = list = [];
                list.Add(node);
            }

        var named = new Dictionary<string, InitializerRef>(StringComparer.Ordinal);
        var matMulWeights = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || node.Input.Count < 2 || !inits.TryGetValue(node.Input[1], out var weight)) continue;
            matMulWeights.Add(weight.Name);
            if (!consumers.TryGetValue(node.Output[0], out var next)) continue;
            var bias = next.Where(n => n.OpType == "Add")
                .SelectMany(n => n.Input)
                .FirstOrDefault(i => inits.ContainsKey(i) && i.EndsWith(".bias", StringComparison.Ordinal));
            if (bias is not null && Canonical(bias[..^5] + ".weight") is { } name) named[name] = new InitializerRef(weight, true);
        }

        foreach (var init in graph.Initializer)
        {
            if (init.DataType != (int)TensorProto.Types.DataType.Float) continue;
            if (!init.Name.EndsWith(".weight", StringComparison.Ordinal) && !init.Name.EndsWith(".bias", StringComparison.Ordinal)) continue;
            if (Canonical(init.Name) is not { } name || named.ContainsKey(name)) continue;
            named[name] = new InitializerRef(init, matMulWeights.Contains(init.Name) && init.Dims.Count == 2);
        }
        return named;
    }

    /// <summary>Head width from the attention-score scale constant: Div by √d, or Mul by 1/√d (scores) or d^-1/4 (q and k).</summary>
    public static int? InferHeadDim(GraphProto graph, int hidden)
    {
        var scalars = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var init in graph.Initializer)
            if (init.DataType == (int)TensorProto.Types.DataType.Float && init.Dims.Aggregate(1L, (a, b) => a * b) == 1)
                scalars[init.Name] = OnnxTensor.ReadFloats(init)[0];
        foreach (var node in graph.Node)
            if (node.OpType == "Constant" && node.Attribute.FirstOrDefault(a => a.Name == "value")?.T is { } t
                && t.DataType == (int)TensorProto.Types.DataType.Float && t.Dims.Aggregate(1L, (a, b) => a * b) == 1)
                scalars[node.Output[0]] = OnnxTensor.ReadFloats(t)[0];

        foreach (var node in graph.Node)
        {
            if ((node.OpType != "Div" && node.OpType != "Mul") || node.Input.Count < 2 || !scalars.TryGetValue(node.Input[1], out var c) || c <= 0) continue;
            double[] candidates = node.OpType == "Div" ? [c * c] : [1.0 / (c * c), 1.0 / Math.Pow(c, 4)];
            foreach (var d in candidates)
            {
                var r = (int)Math.Round(d);
                if (r >= 4 && Math.Abs(d - r) < 1e-3 * r && hidden % r == 0) return r;
            }
        }
        return null;
    }

    private static string? Canonical(string name)
    {
        foreach (var anchor in new[] { "embeddings.", "encoder.layer." })
        {
            var at = name.IndexOf(anchor, StringComparison.Ordinal);
            if (at == 0 || (at > 0 && name[at - 1] == '.')) return name[at..];
        }
        return name.StartsWith("pooler.", StringComparison.Ordinal) || name.Contains(".pooler.", StringComparison.Ordinal) ? null : name;
    }
}
