using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tests.Training;

public sealed class TrainerTests
{
    private static readonly TrainingOptions Fast = new() { LearningRate = 3e-3, Epochs = 40, BatchSize = 4, WarmupFraction = 0.1, Seed = 5 };

    internal static double Accuracy(SentenceClassifier model, IReadOnlyList<TokenSequence> inputs, IReadOnlyList<int> labels)
    {
        model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var b = PaddedBatch.From(inputs, Enumerable.Range(0, inputs.Count).ToArray());
        var predicted = model.forward(b.Ids, b.Mask, b.TypeIds).argmax(1).data<long>().ToArray();
        return predicted.Select((p, i) => p == labels[i] ? 1.0 : 0.0).Average();
    }

    [Theory]
    [InlineData(NormPlacement.PostLN)]
    [InlineData(NormPlacement.PreLN)]
    [InlineData(NormPlacement.DeepNorm)]
    public void Cross_entropy_overfits_8_single_texts_with_each_norm_placement(NormPlacement norm)
    {
        TorchRuntime.UseThreads(1);
        using var model = Tiny.Classifier(norm: norm);
        var texts = Tiny.Texts();
        var objective = new CrossEntropyObjective(model, texts, Tiny.Labels);
        var report = new Trainer(model, Fast).Fit(texts.Select(t => t.Length).ToArray(), objective.Loss);
        Assert.Equal(1.0, Accuracy(model, texts, Tiny.Labels));
        Assert.True(report.StepLosses[^1] < 0.1 * report.StepLosses[0], $"loss {report.StepLosses[0]:F3} -> {report.StepLosses[^1]:F3}");
    }

    [Fact]
    public void Cross_entropy_overfits_8_sentence_pairs_with_accumulation_and_clipping()
    {
        TorchRuntime.UseThreads(1);
        using var model = Tiny.Classifier();
        var a = Tiny.Texts(seed: 1);
        var b = Tiny.Texts(seed: 2);
        var pairs = a.Select((x, i) => TokenSequence.Pair(x.Ids, b[i].Ids, 16)).ToArray();
        Assert.All(pairs, p => Assert.True(p.Length <= 16 && p.TypeIds.Contains(1)));
        var objective = new CrossEntropyObjective(model, pairs, Tiny.Labels);
        new Trainer(model, Fast with { BatchSize = 2, AccumulationSteps = 2, ClipNorm = 0.5 }).Fit(pairs.Select(t => t.Length).ToArray(), objective.Loss);
        Assert.Equal(1.0, Accuracy(model, pairs, Tiny.Labels));
    }

    [Fact]
    public void Resuming_from_an_epoch_checkpoint_continues_the_same_run()
    {
        TorchRuntime.UseThreads(1);
        var texts = Tiny.Texts();
        var lengths = texts.Select(t => t.Length).ToArray();
        var dir = Path.Combine(Path.GetTempPath(), "gts-ckpt-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Fast with { Epochs = 4, CheckpointDirectory = dir };
            using var straight = Tiny.Classifier();
            var full = new Trainer(straight, Fast with { Epochs = 4 }).Fit(lengths, new CrossEntropyObjective(straight, texts, Tiny.Labels).Loss);

            using var interrupted = Tiny.Classifier();
            using var cancel = new CancellationTokenSource();
            Assert.Throws<OperationCanceledException>(() => new Trainer(interrupted, options, new CancelAfter(4, cancel))
                .Fit(lengths, new CrossEntropyObjective(interrupted, texts, Tiny.Labels).Loss, cancellationToken: cancel.Token));
            using var resumed = Tiny.Classifier(); // fresh weights: the checkpoint must overwrite them
            var rest = new Trainer(resumed, options).Fit(lengths, new CrossEntropyObjective(resumed, texts, Tiny.Labels).Loss);
            Assert.Equal(2, rest.ResumedFromEpoch);
            Assert.Equal(full.StepLosses.Count, rest.StepLosses.Count);
            for (int i = 0; i < full.StepLosses.Count; i++) Assert.Equal(full.StepLosses[i], rest.StepLosses[i], 5);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Early_stopping_ends_the_run_and_restores_the_best_dev_weights()
    {
        TorchRuntime.UseThreads(1);
        using var model = Tiny.Classifier();
        var texts = Tiny.Texts();
        var scores = new Queue<double>([0.2, 0.9, 0.3, 0.1, 0.0, 0.0]);
        double[]? bestHead = null;
        var report = new Trainer(model, Fast with { Epochs = 20, Patience = 2 }).Fit(texts.Select(t => t.Length).ToArray(),
            new CrossEntropyObjective(model, texts, Tiny.Labels).Loss,
            () =>
            {
                var s = scores.Dequeue();
                if (s == 0.9) bestHead = model.Head.bias!.data<float>().ToArray().Select(x => (double)x).ToArray();
                return s;
            });
        Assert.True(report.StoppedEarly);
        Assert.Equal(4, report.Epochs);
        Assert.Equal(0.9, report.BestDev);
        Assert.Equal(bestHead, model.Head.bias!.data<float>().ToArray().Select(x => (double)x).ToArray());
    }

    private sealed class CancelAfter(int step, CancellationTokenSource source) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Step == step) source.Cancel();
        }
    }
}
