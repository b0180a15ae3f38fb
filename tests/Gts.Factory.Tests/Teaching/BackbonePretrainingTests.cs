using Gts.Core.Data;
using Gts.Factory.Teaching;
using Gts.Neural.Training.Onnx;

namespace Gts.Factory.Tests.Teaching;

[Collection(TorchCollection.Name)]
public sealed class BackbonePretrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-backbone-").FullName;

    private static readonly BackboneOptions Tiny = new(Steps: 60, BatchSize: 16, LearningRate: 2e-3, Hidden: 32, Layers: 2, Heads: 2, Intermediate: 64, MaxLength: 32, Seed: 1);

    [Fact]
    public void A_from_scratch_Chinese_backbone_learns_its_corpus_reads_back_as_a_BERT_export_and_can_be_fine_tuned()
    {
        var corpus = ChineseReviews.Texts(1000, 400).ToList();
        var folder = Path.Combine(_dir, "backbone");

        var result = BackbonePretraining.Pretrain(corpus, Tiny, folder);

        Assert.True(result.HeldOutAfter < result.HeldOutBefore - 0.5, $"held-out MLM loss {result.HeldOutBefore:F2} -> {result.HeldOutAfter:F2}");
        var vocabulary = File.ReadAllLines(Path.Combine(folder, "vocab.txt"));
        Assert.Contains("满", vocabulary);
        Assert.All(vocabulary.Skip(5), piece => Assert.Equal(1, piece.Length)); // one token per character
        var file = OnnxEncoderFile.Open(Path.Combine(folder, "model.onnx"));
        Assert.Equal((2, 32, 2, 64, 32), (file.Config.Layers, file.Config.Hidden, file.Config.Heads, file.Config.Intermediate, file.Config.MaxPositions));

        var sources = Enumerable.Range(0, 6).Select(i => new Example(ChineseReviews.Review(i).Text, null, Example.Unlabeled)).ToList();
        var variants = Generation.MaskedLmGenerator.Generate(folder, sources, perExample: 3, seed: 4);
        Assert.True(variants.Count >= 12, $"{variants.Count} masked-LM variants of 6 texts");
        Assert.All(variants, v =>
        {
            Assert.DoesNotContain(v.Text, sources.Select(e => e.Text));
            Assert.DoesNotContain(' ', v.Text); // characters rejoined without the tokenizer's spaces
            Assert.Contains(sources, e => e.Text.Length == v.Text.Length); // one character in for one out
        });

        var train = Enumerable.Range(0, 8).Select(i => ChineseReviews.Review(i)).Select(r => new Example(r.Text, null, r.Label)).ToList();
        var tuned = Path.Combine(_dir, "tuned");
        EncoderTuning.Tune(folder, train, 2, new TuningOptions(MaxPairs: 16), tuned);
        using var ensemble = EncoderEnsemble.Open([tuned], cacheRoot: Path.Combine(_dir, "cache"));
        Assert.Equal(32, ensemble.Encoders[0].Encode([corpus[0]])[0].Length);
    }

    [Fact]
    public void The_same_corpus_and_options_reuse_the_cached_backbone_whatever_the_order()
    {
        var corpus = ChineseReviews.Texts(5000, 60).Append("测试语料 " + Guid.NewGuid().ToString("N")).ToList();
        var options = Tiny with { Steps = 2 };

        var first = BackbonePretraining.Build(corpus, options);
        var again = BackbonePretraining.Build(Enumerable.Reverse(corpus).Concat(corpus.Take(5)), options);

        Assert.False(first.Cached);
        Assert.True(again.Cached);
        Assert.Equal(first.Directory, again.Directory);
        Assert.Equal(first.HeldOutAfter, again.HeldOutAfter);
        Assert.NotEqual(BackbonePretraining.Key(corpus, options), BackbonePretraining.Key(corpus, options with { Steps = 3 }));
        Directory.Delete(first.Directory, recursive: true);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
