using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tasks;

/// <summary>Masked-LM training: task-adaptive pretraining (TAPT) of a pretrained encoder on the unlabelled pool, and
/// from-scratch pretraining of a small encoder on its own vocabulary.</summary>
public static class MaskedLmTraining
{
    /// <summary>Continues MLM training of <paramref name="encoder"/> on <paramref name="pool"/> with a tied head; the encoder
    /// is updated in place and can then be fine-tuned as a teacher.</summary>
    public static (MaskedLanguageModel Model, TrainingReport Report) Train(BertEncoder encoder, BertTokenization tokenization, IReadOnlyList<string> pool,
        SpecialTokens special, TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var model = new MaskedLanguageModel(encoder);
        var inputs = pool.Select(t => TokenSequence.Single(tokenization.Encode(t))).ToArray();
        var objective = new MaskedLmObjective(model, inputs, special);
        var report = new Trainer(model, options, progress).Fit(inputs.Select(i => i.Length).ToArray(), objective.Loss, cancellationToken: cancellationToken);
        return (model, report);
    }

    /// <summary>From-scratch pretraining: a new encoder of <paramref name="config"/> (BERT / DeepNet initialisation) trained by MLM.</summary>
    public static (MaskedLanguageModel Model, TrainingReport Report) Pretrain(EncoderConfig config, BertTokenization tokenization, IReadOnlyList<string> corpus,
        SpecialTokens special, TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Runtime.TorchRuntime.Seed(options.Seed);
        var encoder = new BertEncoder(config);
        ModelInitializer.Initialize(encoder);
        return Train(encoder, tokenization, corpus, special, options, progress, cancellationToken);
    }

    /// <summary>Mean MLM loss on held-out texts with masks drawn from <paramref name="seed"/> (the same masks for every model compared).</summary>
    public static double HeldOutLoss(MaskedLanguageModel model, BertTokenization tokenization, IReadOnlyList<string> texts, SpecialTokens special, int seed = 0, int batchSize = 32)
    {
        var inputs = texts.Select(t => TokenSequence.Single(tokenization.Encode(t))).ToArray();
        var objective = new MaskedLmObjective(model, inputs, special);
        var random = new Random(seed);
        model.eval();
        using var _ = no_grad();
        double total = 0;
        int batches = 0;
        for (int i = 0; i < inputs.Length; i += batchSize)
        {
            using var scope = NewDisposeScope();
            total += objective.Loss(Enumerable.Range(i, Math.Min(batchSize, inputs.Length - i)).ToArray(), random).Loss.item<float>();
            batches++;
        }
        return total / batches;
    }
}
