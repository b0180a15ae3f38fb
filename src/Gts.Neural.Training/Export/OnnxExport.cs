using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Onnx;
using Google.Protobuf;
using Onnx;

namespace Gts.Neural.Training.Export;

/// <summary>Writes a trained classifier (encoder + pooling + head) as one ONNX file with inputs input_ids, attention_mask,
/// token_type_ids (int64 [batch, sequence]) and outputs last_hidden_state, logits and probs. TorchSharp has no exporter.</summary>
public static class OnnxExport
{
    /// <summary>Route (a) when <paramref name="template"/> is the packaged graph the encoder was loaded from (same shape, Post-LN):
    /// the trained weights go into its initializers and the head is appended. Route (b) otherwise: the graph is built.</summary>
    public static void Write(SentenceClassifier model, string path, OnnxEncoderFile? template = null)
    {
        var onnx = template is not null && CanPatch(model.Encoder.Config, template.Config) ? Patch(model, template) : Build(model);
        var tmp = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = File.Create(tmp)) onnx.WriteTo(stream);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>True when route (a) applies: same shape and Post-LN (the packaged graphs are Post-LN).</summary>
    public static bool CanPatch(EncoderConfig trained, EncoderConfig template) =>
        trained.Norm == NormPlacement.PostLN && trained with { Dropout = 0 } == template with { Dropout = 0 };

    /// <summary>Route (b): a new graph for any encoder.</summary>
    public static ModelProto Build(SentenceClassifier model)
    {
        var graph = new GraphProto { Name = "gts_classifier" };
        graph.Input.Add(OnnxGraphBuilder.Int64Input("input_ids"));
        graph.Input.Add(OnnxGraphBuilder.Int64Input("attention_mask"));
        graph.Input.Add(OnnxGraphBuilder.Int64Input("token_type_ids"));
        var g = new OnnxGraphBuilder(graph, EncoderGraph.Opset, "gts");
        var hidden = EncoderGraph.Append(g, model.Encoder, "input_ids", "attention_mask", "token_type_ids");
        AddOutputs(g, model, hidden, "attention_mask");
        var onnx = new ModelProto { IrVersion = 8, ProducerName = "gts", Graph = graph };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = EncoderGraph.Opset });
        return onnx;
    }

    /// <summary>Route (a): a copy of the template with the trained weights written back and the head appended; the
    /// template's other outputs (e.g. MiniLM's pooler, or the head of an earlier export) and the nodes only they used are pruned.</summary>
    public static ModelProto Patch(SentenceClassifier model, OnnxEncoderFile template)
    {
        var onnx = template.Model.Clone();
        var inits = onnx.Graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var (name, parameter) in model.Encoder.named_parameters())
        {
            var hf = HfParameterNames.FromEngine(name);
            if (hf is null || !template.Parameters.TryGetValue(hf, out var where)) throw new InvalidOperationException($"Template has no weight for {name}.");
            OnnxTensor.Write(inits[where.Tensor.Name], parameter, where.Transposed);
        }
        var hidden = onnx.Graph.Output.First(o => o.Name == "last_hidden_state").Name;
        var opset = onnx.OpsetImport.First(o => o.Domain is "" or "ai.onnx").Version;
        // Pruned before the head is appended: a template that is itself one of our exports already has a head of the same node names.
        foreach (var extra in onnx.Graph.Output.Where(o => o.Name != hidden).ToArray()) onnx.Graph.Output.Remove(extra);
        GraphPruning.RemoveDeadNodes(onnx.Graph);
        var g = new OnnxGraphBuilder(onnx.Graph, opset, "gts_head");
        AddOutputs(g, model, hidden, "attention_mask");
        return onnx;
    }

    private static void AddOutputs(OnnxGraphBuilder g, SentenceClassifier model, string hidden, string mask)
    {
        var (logits, probs) = ClassifierHeadGraph.Append(g, model, hidden, mask);
        if (hidden != "last_hidden_state")
        {
            g.Output(hidden, "last_hidden_state");
            g.Graph.Output.Add(OnnxGraphBuilder.FloatOutput("last_hidden_state", "batch", "sequence", model.Encoder.Config.Hidden));
        }
        g.Output(logits, "logits");
        g.Output(probs, "probs");
        g.Graph.Output.Add(OnnxGraphBuilder.FloatOutput("logits", "batch", model.Classes));
        g.Graph.Output.Add(OnnxGraphBuilder.FloatOutput("probs", "batch", model.Classes));
    }
}
