using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Gts.Core;
using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Tasks;
using Gts.Neural.Training.Training;
using Gts.Neural.Training.Vocabulary;

namespace Gts.Factory.Teaching;

/// <summary>Shape and budget of a backbone pretrained from scratch. The default is a 4-layer, 256-wide Post-LN BERT
/// (4 heads, FFN 1024, 128 positions: 3.2 M weights besides the embeddings), the largest that gets through a few passes
/// over a few million characters in minutes on 2 cores. Post-LN so that the exported graph reads back as a standard
/// BERT-family file (which SetFit tuning and route (a) export expect).</summary>
public sealed record BackboneOptions(int Steps = 2000, int BatchSize = 32, double LearningRate = 5e-4, int Hidden = 256, int Layers = 4, int Heads = 4,
    int Intermediate = 1024, int MaxLength = 128, int MaxVocabulary = 8000, int Seed = 0)
{
    public EncoderConfig Config(int vocabulary) =>
        new EncoderConfig(vocabulary, Hidden, Layers, Heads, Intermediate, MaxPositions: MaxLength, Dropout: 0.1, Norm: NormPlacement.PostLN).Validated();
}

/// <summary>Builds the factory's own encoder where no pretrained one fits the language (Chinese: the packaged English
/// vocabularies map most ideographs to [UNK]): a character vocabulary from the corpus (WordPiece for other text), masked-LM
/// pretraining from scratch (engine objective (d)), and an encoder folder (model.onnx by export route (b), vocab.txt,
/// encoder.json) that the teach step fine-tunes like a packaged encoder. Backbones are content-addressed: the same corpus and
/// options reuse $GTS_HOME/cache/backbones/&lt;key&gt; instead of training again.</summary>
public static class BackbonePretraining
{
    public const string BaseName = "gts-char";

    /// <summary>What a pretraining run measured: held-out MLM loss of the initial and the trained encoder on the same masks.</summary>
    public sealed record Result(string Directory, TunedEncoderInfo Info, double HeldOutBefore, double HeldOutAfter, int Vocabulary, long Characters, bool Cached);

    /// <summary>Content key of a corpus (deduplicated, order-free) and options.</summary>
    public static string Key(IReadOnlyCollection<string> corpus, BackboneOptions options)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(options.ToString() + "\n"));
        foreach (var text in corpus.Order(StringComparer.Ordinal)) sha.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..32];
    }

    /// <summary>The cached backbone for this corpus and options, pretrained first when there is none.</summary>
    public static Result Build(IEnumerable<string> texts, BackboneOptions options, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        var corpus = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        if (corpus.Count < 16)
            throw new Core.Errors.GtsException(Core.Errors.ErrorKind.InvalidInput, $"only {corpus.Count} distinct texts to pretrain a backbone on",
                "give the task an unlabeled pool, or add text files under steps.pretrain.corpus");
        var dir = GtsHome.Under("cache", "backbones", Key(corpus, options));
        if (TunedEncoderInfo.Read(dir) is { } cached && File.Exists(Path.Combine(dir, ReportFile)))
        {
            var r = System.Text.Json.JsonSerializer.Deserialize<Result>(File.ReadAllBytes(Path.Combine(dir, ReportFile)), Pipeline.ArtifactJson.Options)!;
            return r with { Directory = dir, Info = cached, Cached = true };
        }
        var tmp = CacheFolder.Begin(dir);
        var result = Pretrain(corpus, options, tmp, log, cancellationToken);
        File.WriteAllBytes(Path.Combine(tmp, ReportFile), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result, Pipeline.ArtifactJson.Options));
        CacheFolder.Publish(tmp, dir);
        return result with { Directory = dir };
    }

    private const string ReportFile = "pretraining.json";

    /// <summary>Pretrains into <paramref name="directory"/>: 2 % of the corpus (at most 256 texts) is held out to measure the loss.</summary>
    public static Result Pretrain(IReadOnlyList<string> corpus, BackboneOptions options, string directory, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        TorchRuntime.UseThreads(Environment.ProcessorCount);
        TorchRuntime.Seed(options.Seed);
        var shuffled = corpus.ToArray();
        new Random(options.Seed).Shuffle(shuffled);
        int held = Math.Clamp(shuffled.Length / 50, 1, 256);
        var heldOut = shuffled[..held];
        var train = shuffled[held..];

        Directory.CreateDirectory(directory);
        var vocabPath = Path.Combine(directory, "vocab.txt");
        var kind = Pipeline.StudentVocabulary.CjkShare(train.Take(2000)) >= 0.3 ? VocabularyKind.Characters : VocabularyKind.WordPiece;
        var vocabulary = VocabularyBuilder.Build(train, kind, options.MaxVocabulary);
        VocabularyBuilder.Write(vocabulary, vocabPath);
        var tokenization = BertTokenization.Create(vocabPath, maxLength: options.MaxLength);
        var special = SpecialTokens.From(tokenization, vocabulary.Count);
        var config = options.Config(vocabulary.Count);
        long characters = train.Sum(t => (long)t.Length);
        log?.WriteLine($"pretraining a {config.Layers} x {config.Hidden} encoder from scratch: {vocabulary.Count} {(kind == VocabularyKind.Characters ? "characters" : "word pieces")}, " +
            $"{train.Length} texts ({characters:N0} characters), {options.Steps} steps of {options.BatchSize}");

        var clock = Stopwatch.StartNew();
        double before;
        using (var initial = new MaskedLanguageModel(NewEncoder(config, options.Seed)))
            before = MaskedLmTraining.HeldOutLoss(initial, tokenization, heldOut, special, seed: 7);
        int epochs = (int)Math.Ceiling((double)options.Steps * options.BatchSize / train.Length) + 1;
        var progress = log is null ? null : new StepLog(log);
        var (model, report) = MaskedLmTraining.Pretrain(config, tokenization, train, special,
            new TrainingOptions { LearningRate = options.LearningRate, BatchSize = options.BatchSize, Epochs = epochs, MaxSteps = options.Steps, WarmupFraction = 0.06, Seed = options.Seed },
            progress, cancellationToken);
        using (model)
        {
            var after = MaskedLmTraining.HeldOutLoss(model, tokenization, heldOut, special, seed: 7);
            log?.WriteLine($"held-out MLM loss {before:F2} -> {after:F2} in {clock.Elapsed.TotalSeconds:F0} s ({report.TokensPerSecond:F0} tokens/s)");
            // The head only carries the encoder through the export; the teacher pools the last hidden state.
            var classifier = new SentenceClassifier(model.Encoder, PoolingMode.Mean, 2, normalize: true, dropout: 0);
            var info = TunedEncoderInfo.WriteFolder(directory, classifier, null, vocabPath,
                () => new TunedEncoderInfo(BaseName, PoolingMode.Mean, true, train.Length, 0, clock.Elapsed.TotalSeconds, report.TokensPerSecond));
            // The MLM head stays with the encoder: the generate step's masked-LM replacement predicts with it.
            Generation.MaskedLmGenerator.SaveHead(model, directory);
            return new Result(directory, info, before, after, vocabulary.Count, characters, Cached: false);
        }
    }

    private static BertEncoder NewEncoder(EncoderConfig config, int seed)
    {
        TorchRuntime.Seed(seed);
        var encoder = new BertEncoder(config);
        ModelInitializer.Initialize(encoder);
        return encoder;
    }

    private sealed class StepLog(TextWriter log) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Step % 250 == 0) log.WriteLine($"  step {value.Step}/{value.TotalSteps}: loss {value.Loss:F2}");
        }
    }
}
