using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Student;

/// <summary>Writes a trained <see cref="StudentModel"/> as an ONNX graph (opset 13) that computes exactly what
/// the module computes: Gather → masked mean → Gemm → Relu → Gemm → Softmax. TorchSharp has no exporter, and
/// the graph is small enough to state by hand.</summary>
public static class StudentOnnxWriter
{
    private const int Opset = 13;
    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int64Type = (int)TensorProto.Types.DataType.Int64;

    /// <summary>Writes the model to <paramref name="path"/> (via a temporary file, then a rename).</summary>
    public static void Write(StudentModel model, string path)
    {
        var c = model.Config;
        var g = new GraphProto { Name = "gts-student" };
        g.Initializer.Add(FloatTensor("table", model.Table));
        // Gemm with transB = 1 takes the Linear weight [out, in] as it is stored.
        g.Initializer.Add(FloatTensor("hidden.weight", model.Hidden.weight!));
        g.Initializer.Add(FloatTensor("hidden.bias", model.Hidden.bias!));
        g.Initializer.Add(FloatTensor("output.weight", model.Output.weight!));
        g.Initializer.Add(FloatTensor("output.bias", model.Output.bias!));
        g.Initializer.Add(Int64Tensor("axis1", [1]));
        g.Initializer.Add(Int64Tensor("axis2", [2]));
        g.Initializer.Add(new TensorProto { Name = "eps", DataType = FloatType, FloatData = { 1e-6f } });

        string features;
        if (c.Pair)
        {
            var u = AddPooling(g, "input_ids", "attention_mask", "a");
            var v = AddPooling(g, "input_ids_b", "attention_mask_b", "b");
            g.Node.Add(Node("Sub", [u, v], "diff"));
            g.Node.Add(Node("Abs", ["diff"], "absdiff"));
            g.Node.Add(Node("Mul", [u, v], "prod"));
            var concat = Node("Concat", [u, v, "absdiff", "prod"], "features");
            concat.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            g.Node.Add(concat);
            features = "features";
        }
        else
        {
            features = AddPooling(g, "input_ids", "attention_mask", "a");
        }

        g.Node.Add(Gemm(features, "hidden.weight", "hidden.bias", "hidden"));
        g.Node.Add(Node("Relu", ["hidden"], "hidden_relu"));
        g.Node.Add(Gemm("hidden_relu", "output.weight", "output.bias", "logits"));
        var softmax = Node("Softmax", ["logits"], "probs");
        softmax.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        g.Node.Add(softmax);

        g.Output.Add(Value("logits", FloatType, "batch", c.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        g.Output.Add(Value("probs", FloatType, "batch", c.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var onnx = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "gts",
            ProducerVersion = "1",
            Graph = g,
        };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });

        var tmp = path + ".tmp";
        using (var stream = File.Create(tmp)) onnx.WriteTo(stream);
        File.Move(tmp, path, overwrite: true);
    }

    private static string AddPooling(GraphProto g, string ids, string mask, string side)
    {
        g.Input.Add(Value(ids, Int64Type, "batch", "tokens_" + side));
        g.Input.Add(Value(mask, FloatType, "batch", "tokens_" + side));
        string P(string n) => $"{side}/{n}";
        g.Node.Add(Node("Gather", ["table", ids], P("emb")));
        g.Node.Add(Node("Unsqueeze", [mask, "axis2"], P("mask3")));
        g.Node.Add(Node("Mul", [P("emb"), P("mask3")], P("masked")));
        g.Node.Add(KeepDims(Node("ReduceSum", [P("masked"), "axis1"], P("sum")), 0));
        g.Node.Add(KeepDims(Node("ReduceSum", [mask, "axis1"], P("count")), 1));
        g.Node.Add(Node("Max", [P("count"), "eps"], P("count_safe")));
        g.Node.Add(Node("Div", [P("sum"), P("count_safe")], P("pooled")));
        return P("pooled");
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var n = new NodeProto { OpType = op, Name = output + "/" + op };
        n.Input.AddRange(inputs);
        n.Output.Add(output);
        return n;
    }

    private static NodeProto KeepDims(NodeProto n, int keep)
    {
        n.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = keep });
        return n;
    }

    private static NodeProto Gemm(string x, string w, string b, string output)
    {
        var n = Node("Gemm", [x, w, b], output);
        n.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        return n;
    }

    private static TensorProto FloatTensor(string name, Tensor t)
    {
        using var cpu = t.detach().cpu().contiguous().to_type(ScalarType.Float32);
        var data = cpu.data<float>().ToArray();
        var proto = new TensorProto { Name = name, DataType = FloatType };
        proto.Dims.AddRange(cpu.shape);
        var bytes = new byte[data.Length * sizeof(float)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        proto.RawData = ByteString.CopyFrom(bytes);
        return proto;
    }

    private static TensorProto Int64Tensor(string name, long[] values)
    {
        var proto = new TensorProto { Name = name, DataType = Int64Type };
        proto.Dims.Add(values.Length);
        proto.Int64Data.AddRange(values);
        return proto;
    }

    private static ValueInfoProto Value(string name, int elemType, params string[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(long.TryParse(d, out var fixedSize) ? new TensorShapeProto.Types.Dimension { DimValue = fixedSize } : new TensorShapeProto.Types.Dimension { DimParam = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = shape } },
        };
    }
}
