using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Onnx;

/// <summary>Conversions between ONNX float tensors and TorchSharp tensors.</summary>
public static class OnnxTensor
{
    /// <summary>The float values of an initializer, from raw_data (little-endian) or float_data.</summary>
    public static float[] ReadFloats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"Initializer '{tensor.Name}' has ONNX data type {tensor.DataType}, not float32.");
        return tensor.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
            : tensor.FloatData.ToArray();
    }

    /// <summary>An initializer as a TorchSharp tensor, transposed when the graph stores it as MatMul [in, out].</summary>
    public static Tensor ToTorch(TensorProto proto, bool transpose)
    {
        var t = tensor(ReadFloats(proto), proto.Dims.ToArray());
        return transpose ? t.t().contiguous() : t;
    }

    /// <summary>Overwrites an initializer's values with a TorchSharp tensor of the same shape (transposed back when needed).</summary>
    public static void Write(TensorProto target, Tensor source, bool transpose)
    {
        using var scope = NewDisposeScope();
        var t = (transpose ? source.t() : source).detach().to(ScalarType.Float32).contiguous();
        if (!t.shape.SequenceEqual(target.Dims))
            throw new InvalidOperationException($"Initializer '{target.Name}' has shape [{string.Join(",", target.Dims)}], the trained tensor [{string.Join(",", t.shape)}].");
        target.FloatData.Clear();
        target.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(t.data<float>().ToArray().AsSpan()));
    }

    /// <summary>A new named float initializer.</summary>
    public static TensorProto Create(string name, float[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        return t;
    }

    /// <summary>A new named int64 initializer.</summary>
    public static TensorProto CreateInt64(string name, long[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.AddRange(dims);
        t.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        return t;
    }

    /// <summary>A TorchSharp tensor's values as a new float initializer in ONNX layout.</summary>
    public static TensorProto FromTorch(string name, Tensor source, bool transpose = false)
    {
        using var scope = NewDisposeScope();
        var t = (transpose ? source.t() : source).detach().to(ScalarType.Float32).contiguous();
        return Create(name, t.data<float>().ToArray(), t.shape);
    }
}
