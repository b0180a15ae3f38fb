using System.Diagnostics;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Onnx;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Tasks;
using Gts.Neural.Training.Training;

namespace Gts.Factory.Teaching;

/// <summary>Task-adaptive pretraining (Gururangan et al. 2020): masked-LM training of an encoder continued on the task's
/// unlabelled texts, written as an encoder folder (model.onnx, vocab.txt, encoder.json) that the teach step fine-tunes
/// instead of the encoder as packaged.</summary>
public static class EncoderAdaptation
{
    public sealed record Result(TunedEncoderInfo Info, double HeldOutBefore, double HeldOutAfter);

    /// <summary>Adapts <paramref name="encoder"/> on <paramref name="texts"/> for <paramref name="steps"/> steps of batch 16 (lr 5e-5);
    /// the held-out MLM loss is measured before and after on up to 128 texts kept out of training (same masks).</summary>
    public static Result Adapt(string encoder, IReadOnlyList<string> texts, int steps, int seed, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var spec = EncoderEnsemble.Spec(encoder);
        TorchRuntime.UseThreads(Environment.ProcessorCount);
        TorchRuntime.Seed(seed);
        var file = OnnxEncoderFile.Open(spec.OnnxPath);
        var tokenization = BertTokenization.Create(spec.VocabPath);
        var special = SpecialTokens.From(tokenization, file.Config.VocabSize);
        int held = Math.Min(128, texts.Count / 5);
        var heldOut = texts.Take(held).ToList();
        var train = texts.Skip(held).ToList();

        var clock = Stopwatch.StartNew();
        var (model, report) = MaskedLmTraining.Train(file.CreateEncoder(), tokenization, train, special,
            new TrainingOptions { LearningRate = 5e-5, BatchSize = 16, Epochs = 1, MaxSteps = steps, Seed = seed }, cancellationToken: cancellationToken);
        double before = double.NaN, after = double.NaN;
        if (heldOut.Count > 0)
        {
            after = MaskedLmTraining.HeldOutLoss(model, tokenization, heldOut, special, seed: 7);
            // The packaged encoders ship no MLM head: "before" is the original encoder under the head TAPT trained, so the
            // difference is the encoder's adaptation, not the head's.
            using var original = new MaskedLanguageModel(file.CreateEncoder(0.0));
            using (TorchSharp.torch.no_grad())
                foreach (var (p, q) in original.named_parameters().Zip(model.named_parameters()))
                    if (!p.name.StartsWith("encoder", StringComparison.Ordinal)) p.parameter.copy_(q.parameter);
            before = MaskedLmTraining.HeldOutLoss(original, tokenization, heldOut, special, seed: 7);
        }
        using (model)
        {
            // The export writes encoder + head; the head (unused by the teacher) only carries the encoder through route (a).
            var classifier = new SentenceClassifier(model.Encoder, spec.Pooling, 2, normalize: true, dropout: 0);
            var info = TunedEncoderInfo.WriteFolder(directory, classifier, file, spec.VocabPath,
                () => new TunedEncoderInfo(spec.Name, spec.Pooling, spec.LowerCase, train.Count, 0, clock.Elapsed.TotalSeconds, report.TokensPerSecond));
            Generation.MaskedLmGenerator.SaveHead(model, directory);
            return new Result(info, before, after);
        }
    }
}
