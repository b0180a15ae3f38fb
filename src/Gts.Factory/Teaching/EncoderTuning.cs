using System.Diagnostics;
using Gts.Core.Data;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Export;
using Gts.Neural.Training.Onnx;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Tasks;

namespace Gts.Factory.Teaching;

/// <summary>SetFit settings of the teacher's encoders. The defaults are the ones measured in the engine benchmark
/// (docs/BENCHMARKS.md, "SetFit fine-tuning"): SetFit's own body learning rate 2e-5 gave no gain at 8 shots, 1e-4 with
/// batch 8 gave 3–8 points.</summary>
public sealed record TuningOptions(int Epochs = 1, int MaxPairs = 320, double LearningRate = 1e-4, int BatchSize = 8, int Seed = 0);

/// <summary>Fine-tunes a sentence encoder on the few labels with the engine's SetFit objective (contrastive pairs) and writes
/// it as a folder that <see cref="EncoderEnsemble"/> opens like any user-supplied encoder: model.onnx (the packaged graph
/// with the trained weights, route (a) of <see cref="OnnxExport"/>), vocab.txt and encoder.json.</summary>
public static class EncoderTuning
{
    public static TunedEncoderInfo Tune(string encoder, IReadOnlyList<Example> train, int classes, TuningOptions options, string directory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var spec = EncoderEnsemble.Spec(encoder);
        TorchRuntime.UseThreads(Environment.ProcessorCount);
        TorchRuntime.Seed(options.Seed);
        var file = OnnxEncoderFile.Open(spec.OnnxPath);
        var tokenization = BertTokenization.Create(spec.VocabPath);
        // At least two pairs per example, so that many-class tasks still see every example; SetFit's 20 iterations cap it above.
        var setfit = new SetFitOptions
        {
            MaxPairs = Math.Max(options.MaxPairs, 2 * train.Count),
            Body = new SetFitOptions().Body with { Seed = options.Seed, LearningRate = options.LearningRate, BatchSize = options.BatchSize, Epochs = options.Epochs },
        };
        var clock = Stopwatch.StartNew();
        var (model, report) = ClassifierTraining.SetFit(file.CreateEncoder(), spec.Pooling, tokenization, train, classes, setfit, cancellationToken: cancellationToken);
        using (model)
            return TunedEncoderInfo.WriteFolder(directory, model, file, spec.VocabPath, () => new TunedEncoderInfo(spec.Name, spec.Pooling, spec.LowerCase, train.Count,
                Math.Min(setfit.MaxPairs, 2 * setfit.Iterations * train.Count), clock.Elapsed.TotalSeconds, report.TokensPerSecond));
    }
}
