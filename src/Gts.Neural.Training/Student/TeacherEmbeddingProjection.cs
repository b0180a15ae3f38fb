using Gts.Neural.Training.Onnx;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Student;

/// <summary>Starts a student's word-piece rows from a pretrained encoder's input embeddings, reduced to the
/// student's width by PCA (top right-singular vectors of the centred matrix), so that words the few labels
/// never show still sit near their synonyms.</summary>
public static class TeacherEmbeddingProjection
{
    private const string WordEmbeddings = "embeddings.word_embeddings.weight";

    /// <summary>The projected rows [vocab, dim], scaled to a standard deviation of <paramref name="std"/>.</summary>
    public static Tensor Project(string onnxPath, int dim, double std = 0.1)
    {
        var file = OnnxEncoderFile.Open(onnxPath);
        var init = file.Parameters[WordEmbeddings];
        using var scope = NewDisposeScope();
        var x = OnnxTensor.ToTorch(init.Tensor, init.Transposed);
        var centred = x - x.mean([0], keepdim: true);
        var (_, _, vh) = linalg.svd(centred, fullMatrices: false);
        var projected = centred.matmul(vh[..dim].t());
        return (projected * (std / projected.std().item<float>())).MoveToOuterDisposeScope();
    }

    /// <summary>Copies the projection into the first rows of a student's table (the bigram rows keep their initialisation).</summary>
    public static void Apply(Tensor table, Tensor projection)
    {
        using var _ = no_grad();
        table[..(int)projection.shape[0]].copy_(projection);
    }
}
