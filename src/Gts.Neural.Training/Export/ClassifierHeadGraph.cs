using Gts.Neural.Models;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Onnx;

namespace Gts.Neural.Training.Export;

/// <summary>Appends pooling, optional L2 normalisation, the linear head and a softmax to a graph that yields last_hidden_state.</summary>
public static class ClassifierHeadGraph
{
    /// <summary>Adds the head and returns the names of the logits and probability outputs.</summary>
    public static (string Logits, string Probs) Append(OnnxGraphBuilder g, SentenceClassifier model, string hidden, string attentionMask)
    {
        string pooled;
        if (model.Pooling == PoolingMode.Cls)
        {
            pooled = g.Node("Gather", [hidden, g.Int64Scalar("cls_index", 0)], OnnxGraphBuilder.Int("axis", 1));
        }
        else
        {
            var mask = g.Node("Cast", [attentionMask], OnnxGraphBuilder.Int("to", (long)global::Onnx.TensorProto.Types.DataType.Float));
            var sum = g.ReduceSum(g.Node("Mul", [hidden, g.Unsqueeze(mask, -1)]), 1, keepDims: false);
            var count = g.Node("Max", [g.ReduceSum(mask, 1, keepDims: true), g.Scalar("min_count", 1e-9f)]);
            pooled = g.Node("Div", [sum, count]);
        }
        if (model.Normalize) pooled = g.Node("LpNormalization", [pooled], OnnxGraphBuilder.Int("axis", 1), OnnxGraphBuilder.Int("p", 2));
        var weight = g.Initializer(OnnxTensor.FromTorch("classifier.weight", model.Head.weight!));
        var bias = g.Initializer(OnnxTensor.FromTorch("classifier.bias", model.Head.bias!));
        var logits = g.Node("Gemm", [pooled, weight, bias], OnnxGraphBuilder.Int("transB", 1));
        var probs = g.Node("Softmax", [logits], OnnxGraphBuilder.Int("axis", 1));
        return (logits, probs);
    }
}
