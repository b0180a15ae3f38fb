using Onnx;

namespace Gts.Neural.Training.Onnx;

/// <summary>Where one encoder parameter lives in an ONNX graph: the initializer and whether it is stored transposed ([in, out] for MatMul).</summary>
public readonly record struct InitializerRef(TensorProto Tensor, bool Transposed);
