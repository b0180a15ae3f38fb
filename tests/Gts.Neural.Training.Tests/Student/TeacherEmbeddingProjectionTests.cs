using Gts.Neural.Embeddings;
using Gts.Neural.Models;
using Gts.Neural.Training.Student;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tests.Student;

public sealed class TeacherEmbeddingProjectionTests
{
    [Fact]
    public void Static_token_embeddings_of_MiniLM_put_a_word_nearer_its_synonym_than_an_unrelated_word()
    {
        using var encoder = new SentenceEncoder(PackagedEncoders.Extract(PackagedEncoders.MiniLM));
        string[] words = ["good", "great", "excellent", "table", "chair", "window"];
        var ids = words.Select(w => encoder.Tokenizer.Encode(w)[1]).ToList();

        // Six points span five dimensions after centring, so a five-wide projection keeps their distances (up to scale).
        using var rows = TeacherEmbeddingProjection.StaticTokens(encoder, ids, dim: 5);

        Assert.Equal([6L, 5L], rows.shape);
        double Distance(int a, int b) => (rows[a] - rows[b]).norm().item<float>();
        Assert.True(Distance(0, 1) < Distance(0, 3), $"good-great {Distance(0, 1):F3}, good-table {Distance(0, 3):F3}");
        Assert.True(Distance(3, 4) < Distance(3, 1), $"table-chair {Distance(3, 4):F3}, table-great {Distance(3, 1):F3}");
    }

    [Fact]
    public void Rows_go_to_the_named_rows_of_the_table_and_the_others_keep_theirs()
    {
        using var table = zeros(6, 4);
        using var projection = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);

        TeacherEmbeddingProjection.Apply(table, [4, 1], projection);

        Assert.Equal([0f, 0f, 0f, 0f, 4f, 5f, 6f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 1f, 2f, 3f, 0f, 0f, 0f, 0f, 0f], table.data<float>().ToArray());
    }
}
