using Gts.Neural.Embeddings;
using Gts.Neural.Training.Onnx;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Student;

/// <summary>Starts a student's word-piece rows from a pretrained encoder, reduced to the student's width by PCA (top
/// right-singular vectors of the centred matrix), so that words the few labels never show still sit near their synonyms.
/// Two sources: the encoder's input embeddings (<see cref="Project"/>), or its output for each token on its own
/// (<see cref="StaticTokens"/>: "[CLS] token [SEP]" through the whole encoder, as Model2Vec distils a sentence encoder into
/// static embeddings, Tulkens &amp; van Dongen 2024), which for a fine-tuned teacher carries what the tuning taught.</summary>
public static class TeacherEmbeddingProjection
{
    private const string WordEmbeddings = "embeddings.word_embeddings.weight";

    /// <summary>The projected input-embedding rows [vocab, dim], scaled to a standard deviation of <paramref name="std"/>.</summary>
    public static Tensor Project(string onnxPath, int dim, double std = 0.1)
    {
        var file = OnnxEncoderFile.Open(onnxPath);
        var init = file.Parameters[WordEmbeddings];
        using var x = OnnxTensor.ToTorch(init.Tensor, init.Transposed);
        return Reduce(x, dim, std);
    }

    /// <summary>The encoder's pooled output for each token id of <paramref name="ids"/> alone between its [CLS] and [SEP],
    /// projected to [ids, dim] and scaled to a standard deviation of <paramref name="std"/>.</summary>
    public static Tensor StaticTokens(SentenceEncoder encoder, IReadOnlyList<int> ids, int dim, double std = 0.1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(ids);
        var (cls, sep) = (encoder.Tokenizer.ClsId, encoder.Tokenizer.SepId);
        var vectors = encoder.EncodeIds(ids.Select(id => new[] { cls, id, sep }).ToList(), cancellationToken: cancellationToken);
        int hidden = vectors[0].Length;
        var flat = new float[vectors.Length * hidden];
        for (int i = 0; i < vectors.Length; i++) vectors[i].CopyTo(flat, i * hidden);
        using var x = tensor(flat, [vectors.Length, hidden]);
        return Reduce(x, Math.Min(dim, Math.Min(vectors.Length, hidden)), std);
    }

    /// <summary>Copies the projection into the first rows of a student's table (the bigram rows keep their initialisation).</summary>
    public static void Apply(Tensor table, Tensor projection)
    {
        using var _ = no_grad();
        table[..(int)projection.shape[0]].copy_(projection);
    }

    /// <summary>Copies row k of the projection into row <paramref name="rows"/>[k] of the table; other rows keep theirs.</summary>
    public static void Apply(Tensor table, IReadOnlyList<int> rows, Tensor projection)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        using var _ = no_grad();
        using var index = tensor(rows.Select(r => (long)r).ToArray());
        using var columns = projection.shape[1] < table.shape[1] ? nn.functional.pad(projection, [0, table.shape[1] - projection.shape[1]]) : projection.alias();
        table.index_copy_(0, index, columns);
    }

    private static Tensor Reduce(Tensor x, int dim, double std)
    {
        using var scope = NewDisposeScope();
        var centred = x - x.mean([0], keepdim: true);
        var (_, _, vh) = linalg.svd(centred, fullMatrices: false);
        var projected = centred.matmul(vh[..dim].t());
        return (projected * (std / projected.std().item<float>())).MoveToOuterDisposeScope();
    }
}
