using Gts.Neural.Training.Onnx;
using Onnx;

namespace Gts.Neural.Training.Export;

/// <summary>Appends nodes and initializers to an ONNX graph with unique names; ops whose signature changed at opset 13
/// (Unsqueeze, ReduceSum take axes as an input from 13 on) are written for the graph's opset.</summary>
public sealed class OnnxGraphBuilder(GraphProto graph, long opset, string prefix)
{
    private int _counter;

    public GraphProto Graph => graph;
    public long Opset => opset;

    /// <summary>Adds a node and returns its (first) output name.</summary>
    public string Node(string op, string[] inputs, params AttributeProto[] attributes)
    {
        var name = $"{prefix}/{op}_{_counter++}";
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(name + ":0");
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return name + ":0";
    }

    /// <summary>Exposes a value under a fixed graph-level name (an Identity node).</summary>
    public string Output(string value, string name)
    {
        var node = new NodeProto { OpType = "Identity", Name = $"{prefix}/output_{name}" };
        node.Input.Add(value);
        node.Output.Add(name);
        graph.Node.Add(node);
        return name;
    }

    /// <summary>Adds a weight under its own name (a model parameter's unique name), not a prefixed, numbered one.</summary>
    public string NamedInitializer(TensorProto tensor)
    {
        graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Initializer(TensorProto tensor)
    {
        tensor.Name = $"{prefix}/{tensor.Name}_{_counter++}";
        graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Floats(string name, float[] values, params long[] dims) => Initializer(OnnxTensor.Create(name, values, dims));
    public string Scalar(string name, float value) => Initializer(OnnxTensor.Create(name, [value]));
    public string Int64s(string name, params long[] values) => Initializer(OnnxTensor.CreateInt64(name, values, values.Length));
    public string Int64Scalar(string name, long value) => Initializer(OnnxTensor.CreateInt64(name, [value]));

    public string Unsqueeze(string x, params long[] axes) => opset >= 13
        ? Node("Unsqueeze", [x, Int64s("unsqueeze_axes", axes)])
        : Node("Unsqueeze", [x], Ints("axes", axes));

    public string ReduceSum(string x, long axis, bool keepDims) => opset >= 13
        ? Node("ReduceSum", [x, Int64s("reduce_axes", axis)], Int("keepdims", keepDims ? 1 : 0))
        : Node("ReduceSum", [x], Ints("axes", axis), Int("keepdims", keepDims ? 1 : 0));

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    /// <summary>A float tensor graph output [batch, dims...].</summary>
    public static ValueInfoProto FloatOutput(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d is string s ? new TensorShapeProto.Types.Dimension { DimParam = s } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>An int64 [batch, sequence] graph input.</summary>
    public static ValueInfoProto Int64Input(string name)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "sequence" });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Int64, Shape = shape } },
        };
    }
}
