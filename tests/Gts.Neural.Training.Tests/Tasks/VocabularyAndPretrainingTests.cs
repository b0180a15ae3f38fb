using Gts.Core.Data;
using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Tasks;
using Gts.Neural.Training.Training;
using Gts.Neural.Training.Vocabulary;

namespace Gts.Neural.Training.Tests.Tasks;

public sealed class VocabularyAndPretrainingTests : IDisposable
{
    private static readonly string[] English =
    [
        "the film was a delight from start to finish",
        "the battery died after two days",
        "a slow and tedious film with no story",
        "great phone, the screen is bright and the battery lasts",
        "what a waste of two hours",
        "the story was moving and the acting superb",
        "the screen cracked after a week",
        "I would watch this film again",
    ];

    private static readonly string[] Chinese = ["这部电影非常好看", "手机电池两天就没电了", "故事感人，演员出色", "屏幕一周就裂了"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gts-vocab-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private BertTokenization Load(IReadOnlyList<string> vocab, string name)
    {
        var path = Path.Combine(_dir, name);
        VocabularyBuilder.Write(vocab, path);
        return BertTokenization.Create(path, maxLength: 32);
    }

    [Fact]
    public void WordPiece_vocabulary_loads_in_the_reference_tokenizer_and_covers_its_corpus_without_unknowns()
    {
        var vocab = VocabularyBuilder.Build(English, VocabularyKind.WordPiece, 120, minCount: 1);
        Assert.Equal(VocabularyBuilder.Specials, vocab.Take(5));
        Assert.Contains("the", vocab);
        Assert.Contains(vocab, v => v.StartsWith("##", StringComparison.Ordinal) && v.Length > 3);
        var tokenization = Load(vocab, "en.txt");
        var unk = tokenization.Tokenizer.UnknownTokenId;
        Assert.All(English, t => Assert.DoesNotContain(unk, tokenization.Encode(t)));
        Assert.True(tokenization.Encode(English[0]).Length < English[0].Length / 2, "merges shorten the encoding");
    }

    [Fact]
    public void Character_vocabulary_for_Chinese_gives_one_token_per_character()
    {
        var vocab = VocabularyBuilder.Build(Chinese, VocabularyKind.Characters, 500, minCount: 1);
        Assert.Contains("电", vocab);
        var tokenization = Load(vocab, "zh.txt");
        var ids = tokenization.Encode("手机电池");
        Assert.Equal(6, ids.Length);
        Assert.DoesNotContain(tokenization.Tokenizer.UnknownTokenId, ids);
    }

    [Fact]
    public void From_scratch_pretraining_on_an_own_vocabulary_overfits_8_texts()
    {
        TorchRuntime.UseThreads(1);
        var vocab = VocabularyBuilder.Build(English, VocabularyKind.WordPiece, 120, minCount: 1);
        var tokenization = Load(vocab, "scratch.txt");
        var special = SpecialTokens.From(tokenization, vocab.Count);
        var config = new EncoderConfig(vocab.Count, 32, 2, 4, 64, 32, Dropout: 0.0, Norm: NormPlacement.PreLN);
        var (model, report) = MaskedLmTraining.Pretrain(config, tokenization, English, special,
            new TrainingOptions { LearningRate = 3e-3, BatchSize = 8, Epochs = 300, Seed = 2 });
        using (model)
        {
            double first = report.StepLosses.Take(5).Average(), last = report.StepLosses.TakeLast(10).Average();
            Assert.True(last < 0.4 * first, $"MLM loss {first:F2} -> {last:F2}"); // fresh masks every step
            Assert.True(MaskedLmTraining.HeldOutLoss(model, tokenization, English, special, seed: 3) < first);
        }
    }

    [Fact]
    public void SetFit_and_cross_entropy_tasks_fit_8_labelled_texts()
    {
        TorchRuntime.UseThreads(1);
        var vocab = VocabularyBuilder.Build(English, VocabularyKind.WordPiece, 120, minCount: 1);
        var tokenization = Load(vocab, "tasks.txt");
        var train = English.Select((t, i) => new Example(t, null, i is 0 or 2 or 4 or 5 or 7 ? 0 : 1)).ToArray();
        BertEncoder Fresh()
        {
            TorchRuntime.Seed(4);
            var e = new BertEncoder(new EncoderConfig(vocab.Count, 32, 2, 4, 64, 32, Dropout: 0.0));
            ModelInitializer.Initialize(e);
            return e;
        }
        var setfit = new SetFitOptions { Body = new TrainingOptions { LearningRate = 2e-3, BatchSize = 8, Epochs = 10, Seed = 1 }, Iterations = 4 };
        var (a, _) = ClassifierTraining.SetFit(Fresh(), PoolingMode.Mean, tokenization, train, 2, setfit);
        using (a) Assert.Equal(1.0, ClassifierTraining.Accuracy(a, tokenization, train));
        var (b, _) = ClassifierTraining.CrossEntropy(Fresh(), PoolingMode.Cls, tokenization, train, 2,
            new TrainingOptions { LearningRate = 3e-3, BatchSize = 4, Epochs = 40, Seed = 1 }, dev: train);
        using (b)
        {
            var probs = ClassifierTraining.PredictProbabilities(b, tokenization, train);
            Assert.All(probs, p => Assert.Equal(1.0, p.Sum(), 4));
            Assert.Equal(1.0, ClassifierTraining.Accuracy(b, tokenization, train));
        }
    }
}
