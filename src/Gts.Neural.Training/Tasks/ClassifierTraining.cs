using Gts.Core.Data;
using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tasks;

/// <summary>Teacher and student training on labelled examples: SetFit, end-to-end cross-entropy, distillation from soft labels.</summary>
public static class ClassifierTraining
{
    /// <summary>SetFit: contrastive fine-tuning of the encoder on capped pairs, then a logistic-regression head on the
    /// L2-normalised pooled vectors. Returns the classifier (Normalize = true) and the body's training report.</summary>
    public static (SentenceClassifier Model, TrainingReport Report) SetFit(BertEncoder encoder, PoolingMode pooling, BertTokenization tokenization,
        IReadOnlyList<Example> train, int classes, SetFitOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var model = new SentenceClassifier(encoder, pooling, classes, normalize: true, dropout: 0.0);
        var inputs = ExampleEncoding.EncodeAll(tokenization, train);
        var labels = train.Select(e => e.Label).ToArray();
        var pairs = ContrastivePairs.Sample(labels, options.Iterations, options.MaxPairs, new Random(options.Body.Seed));
        var objective = new ContrastiveObjective(model, inputs, pairs, tokenization.PadId);
        var report = new Trainer(model, options.Body, progress).Fit(objective.PairLengths, objective.Loss, cancellationToken: cancellationToken);
        FitLogisticHead(model, tokenization, train, options.HeadC);
        return (model, report);
    }

    /// <summary>End-to-end fine-tuning of encoder + head with cross-entropy (single texts or pairs); <paramref name="dev"/>
    /// (optional) drives early stopping on accuracy.</summary>
    public static (SentenceClassifier Model, TrainingReport Report) CrossEntropy(BertEncoder encoder, PoolingMode pooling, BertTokenization tokenization,
        IReadOnlyList<Example> train, int classes, TrainingOptions options, IReadOnlyList<Example>? dev = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var model = new SentenceClassifier(encoder, pooling, classes);
        var inputs = ExampleEncoding.EncodeAll(tokenization, train);
        var objective = new CrossEntropyObjective(model, inputs, train.Select(e => e.Label).ToArray(), tokenization.PadId);
        Func<double>? evaluate = dev is null || dev.Count == 0 ? null : () => Accuracy(model, tokenization, dev);
        var report = new Trainer(model, options, progress).Fit(inputs.Select(i => i.Length).ToArray(), objective.Loss, evaluate, cancellationToken);
        return (model, report);
    }

    /// <summary>Trains <paramref name="student"/> to match the teacher's probabilities [n][classes] on <paramref name="texts"/>
    /// (T² · KL at <paramref name="temperature"/>; Hinton et al. 2015).</summary>
    public static TrainingReport Distill(SentenceClassifier student, BertTokenization tokenization, IReadOnlyList<Example> texts,
        IReadOnlyList<float[]> teacherProbabilities, TrainingOptions options, double temperature = 2.0,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (texts.Count != teacherProbabilities.Count) throw new ArgumentException($"{texts.Count} texts but {teacherProbabilities.Count} teacher rows.");
        var inputs = ExampleEncoding.EncodeAll(tokenization, texts);
        BatchLoss Loss(int[] batch)
        {
            var b = PaddedBatch.From(inputs, batch, tokenization.PadId);
            var probs = tensor(batch.SelectMany(i => teacherProbabilities[i]).ToArray(), [batch.Length, student.Classes]);
            return new BatchLoss(DistillationLoss.Compute(student.forward(b.Ids, b.Mask, b.TypeIds), probs, temperature), b.Tokens);
        }
        return new Trainer(student, options, progress).Fit(inputs.Select(i => i.Length).ToArray(), Loss, cancellationToken: cancellationToken);
    }

    /// <summary>Class probabilities [n][classes] in eval mode, batched by length.</summary>
    public static float[][] PredictProbabilities(SentenceClassifier model, BertTokenization tokenization, IReadOnlyList<Example> examples, int batchSize = 64)
    {
        var inputs = ExampleEncoding.EncodeAll(tokenization, examples);
        var result = new float[inputs.Length][];
        model.eval();
        using var _ = no_grad();
        foreach (var batch in Inference.SortedBatches(inputs, batchSize))
        {
            using var scope = NewDisposeScope();
            var b = PaddedBatch.From(inputs, batch, tokenization.PadId);
            var probs = nn.functional.softmax(model.forward(b.Ids, b.Mask, b.TypeIds), 1).data<float>().ToArray();
            for (int r = 0; r < batch.Length; r++) result[batch[r]] = probs.AsSpan(r * model.Classes, model.Classes).ToArray();
        }
        return result;
    }

    /// <summary>Share of examples whose arg-max prediction equals the label.</summary>
    public static double Accuracy(SentenceClassifier model, BertTokenization tokenization, IReadOnlyList<Example> examples)
    {
        var probs = PredictProbabilities(model, tokenization, examples);
        return examples.Select((e, i) => Inference.ArgMax(probs[i]) == e.Label ? 1.0 : 0.0).Average();
    }

    private static float[][] Embed(SentenceClassifier model, TokenSequence[] inputs, int padId)
    {
        var result = new float[inputs.Length][];
        model.eval();
        using var _ = no_grad();
        foreach (var batch in Inference.SortedBatches(inputs, 64))
        {
            using var scope = NewDisposeScope();
            var b = PaddedBatch.From(inputs, batch, padId);
            var e = model.Embed(b.Ids, b.Mask, b.TypeIds).data<float>().ToArray();
            int h = e.Length / batch.Length;
            for (int r = 0; r < batch.Length; r++) result[batch[r]] = e.AsSpan(r * h, h).ToArray();
        }
        return result;
    }

    /// <summary>Fits the head alone on the (frozen) pooled vectors of <paramref name="train"/>: multinomial logistic regression: sum of cross-entropies + ||W||² / (2C), bias unpenalised,
    /// full-batch Adam (TorchSharp's L-BFGS has no line search), written into the classifier's head.</summary>
    public static void FitLogisticHead(SentenceClassifier model, BertTokenization tokenization, IReadOnlyList<Example> train, double c = 1.0)
    {
        var features = Embed(model, ExampleEncoding.EncodeAll(tokenization, train), tokenization.PadId);
        var labels = train.Select(e => e.Label).ToArray();
        using var scope = NewDisposeScope();
        var x = tensor(features.SelectMany(f => f).ToArray(), [features.Length, features[0].Length]);
        var y = tensor(labels.Select(l => (long)l).ToArray());
        var w = nn.Parameter(zeros(model.Classes, x.shape[1]));
        var b = nn.Parameter(zeros(model.Classes));
        using var adam = optim.Adam([w, b], lr: 0.02);
        for (int i = 0; i < 1000; i++)
        {
            using var step = NewDisposeScope();
            adam.zero_grad();
            var loss = nn.functional.cross_entropy(x.matmul(w.t()) + b, y, reduction: nn.Reduction.Sum) + w.pow(2).sum() / (2 * c);
            loss.backward();
            adam.step();
        }
        using var _ = no_grad();
        model.Head.weight!.copy_(w);
        model.Head.bias!.copy_(b);
    }
}
