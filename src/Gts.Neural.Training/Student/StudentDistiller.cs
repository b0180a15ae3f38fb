using Gts.Neural.Student;
using TorchSharp;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Student;

/// <summary>Trains a student on the teacher's soft labels (knowledge distillation, Hinton et al. 2015):
/// soft cross-entropy against the teacher's probabilities, length-bucketed batches, AdamW, and the epoch with
/// the best dev score kept when a dev scorer is given.</summary>
public static class StudentDistiller
{
    public static StudentModel Train(
        StudentConfig config,
        StudentFeaturizer featurizer,
        IReadOnlyList<DistillationExample> data,
        StudentTrainingOptions options,
        Func<StudentModel, double>? devScore = null,
        Action<Tensor>? initializeTable = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(data.Count);
        if (data.Any(d => d.Target.Length != config.Classes))
            throw new ArgumentException($"every target must have {config.Classes} probabilities", nameof(data));
        if (config.Pair && data.Any(d => d.TextB is null))
            throw new ArgumentException("a pair student needs TextB on every example", nameof(data));

        torch.manual_seed(options.Seed);
        var model = new StudentModel(config);
        if (initializeTable is not null) using (no_grad()) initializeTable(model.Table);

        var a = data.Select(d => featurizer.Ids(d.Text)).ToArray();
        var b = config.Pair ? data.Select(d => featurizer.Ids(d.TextB!)).ToArray() : null;
        var batches = Batches(a, b, options.BatchSize);
        var rng = new Random(options.Seed);
        // Small data sets get more passes: a bag-of-embeddings model needs a few hundred updates whatever the data size.
        int epochs = Math.Max(options.Epochs, (int)Math.Ceiling((double)options.MinSteps / batches.Count));
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);

        double best = double.NegativeInfinity;
        List<Tensor>? bestState = null;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            Shuffle(batches, rng);
            for (int k = 0; k < batches.Count; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var idx = batches[k];
                var logits = Forward(model, idx, a, b);
                var target = tensor(idx.SelectMany(i => data[i].Target).ToArray(), [idx.Length, config.Classes]);
                var weight = tensor(idx.Select(i => data[i].Weight).ToArray());
                var perExample = -(target * nn.functional.log_softmax(logits, 1)).sum(1);
                var loss = (perExample * weight).sum() / weight.sum().clamp_min(1e-6);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                progress?.Report((epoch + (k + 1.0) / batches.Count) / epochs);
            }

            if (devScore is not null)
            {
                model.eval();
                double score = devScore(model);
                if (score > best)
                {
                    best = score;
                    if (bestState is not null) foreach (var t in bestState) t.Dispose();
                    bestState = model.parameters().Select(p => p.detach().clone()).ToList();
                }
            }
        }

        if (bestState is not null)
        {
            using (no_grad())
            {
                foreach (var (p, saved) in model.parameters().Zip(bestState)) p.copy_(saved);
            }
            foreach (var t in bestState) t.Dispose();
        }
        model.eval();
        return model;
    }

    /// <summary>Class probabilities of the trained module for a list of texts (used for dev scoring and tests).</summary>
    public static float[][] Predict(StudentModel model, StudentFeaturizer featurizer, IReadOnlyList<string> texts, IReadOnlyList<string>? textsB = null)
    {
        var a = texts.Select(featurizer.Ids).ToArray();
        var b = textsB?.Select(featurizer.Ids).ToArray();
        var result = new float[a.Length][];
        using var _ = no_grad();
        foreach (var idx in Batches(a, b, 256))
        {
            using var scope = NewDisposeScope();
            var probs = nn.functional.softmax(Forward(model, idx, a, b), 1).data<float>().ToArray();
            int c = model.Config.Classes;
            for (int k = 0; k < idx.Length; k++) result[idx[k]] = probs.AsSpan(k * c, c).ToArray();
        }
        return result;
    }

    private static Tensor Forward(StudentModel model, int[] idx, int[][] a, int[][]? b)
    {
        var (ia, ma) = Side(idx, a);
        if (b is null) return model.forward(ia, ma);
        var (ib, mb) = Side(idx, b);
        return model.ForwardPair(ia, ma, ib, mb);
    }

    private static (Tensor Ids, Tensor Mask) Side(int[] idx, int[][] rows)
    {
        var (ids, mask, width) = StudentFeaturizer.Pad(idx.Select(i => rows[i]).ToArray());
        return (tensor(ids, [idx.Length, width]), tensor(mask, [idx.Length, width]));
    }

    // Length-sorted batches so that a batch carries little padding; the batch order is shuffled each epoch.
    private static List<int[]> Batches(int[][] a, int[][]? b, int size)
    {
        var order = Enumerable.Range(0, a.Length).OrderBy(i => a[i].Length + (b?[i].Length ?? 0)).ToArray();
        return order.Chunk(size).ToList();
    }

    private static void Shuffle(List<int[]> items, Random rng)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
