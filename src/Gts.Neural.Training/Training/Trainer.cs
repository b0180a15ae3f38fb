using System.Diagnostics;
using Gts.Neural.Training.Runtime;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Training;

/// <summary>The training loop shared by every objective: AdamW with no-decay groups, warm-up + linear decay, clipping,
/// accumulation, length-bucketed batches, seeds, end-of-epoch checkpoints with resume, early stopping on a dev score
/// (best weights restored), and a dispose scope around every micro-batch and optimizer step.</summary>
public sealed class Trainer(nn.Module model, TrainingOptions options, IProgress<TrainingProgress>? progress = null)
{
    private readonly TrainingOptions _options = options.Validated();

    /// <summary>Trains on examples of the given token lengths; <paramref name="loss"/> maps a batch of example indices to
    /// its loss; <paramref name="evaluate"/> (optional) returns a dev score, higher is better.</summary>
    public TrainingReport Fit(IReadOnlyList<int> lengths, Func<int[], BatchLoss> loss, Func<double>? evaluate = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(lengths.Count);
        var o = _options;
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        using var optimizer = optim.AdamW(ParameterGroups.For(model, o.LearningRate, o.WeightDecay), o.LearningRate);
        int microPerEpoch = (lengths.Count + o.BatchSize - 1) / o.BatchSize;
        int stepsPerEpoch = (microPerEpoch + o.AccumulationSteps - 1) / o.AccumulationSteps;
        int totalSteps = o.MaxSteps > 0 ? Math.Min(o.MaxSteps, stepsPerEpoch * o.Epochs) : stepsPerEpoch * o.Epochs;
        int warmup = (int)Math.Round(o.WarmupFraction * totalSteps);

        var resumed = o.CheckpointDirectory is null ? null : TrainingCheckpoint.TryLoad(o.CheckpointDirectory, model, optimizer);
        int step = resumed?.Step ?? 0, startEpoch = resumed?.CompletedEpochs ?? 0;
        var losses = new List<double>(resumed?.StepLosses ?? []);
        var stopping = new EarlyStopping(o.Patience, resumed?.BestDev ?? double.NegativeInfinity, resumed?.BadEvaluations ?? 0);
        Dictionary<string, Tensor>? best = null;
        long tokens = 0;
        var clock = Stopwatch.StartNew();
        int epoch = startEpoch;

        for (; epoch < o.Epochs && step < totalSteps && !stopping.ShouldStop; epoch++)
        {
            var batches = LengthBuckets.Batches(lengths, o.BatchSize, new Random(StableSeed.Combine(o.Seed, epoch)));
            double accumulated = 0;
            int inStep = 0;
            for (int b = 0; b < batches.Count && step < totalSteps; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                model.train();
                using (NewDisposeScope())
                {
                    manual_seed(StableSeed.Combine(o.Seed, epoch, b));
                    var (batchLoss, batchTokens) = loss(batches[b]);
                    (batchLoss / o.AccumulationSteps).backward();
                    accumulated += batchLoss.item<float>();
                    tokens += batchTokens;
                }
                if (++inStep < o.AccumulationSteps && b < batches.Count - 1) continue;

                double lr = o.LearningRate * LearningRateSchedule.Factor(step, totalSteps, warmup);
                using (NewDisposeScope())
                {
                    if (o.ClipNorm > 0) nn.utils.clip_grad_norm_(parameters, o.ClipNorm);
                    foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
                    optimizer.step();
                    optimizer.zero_grad();
                }
                losses.Add(accumulated / inStep);
                progress?.Report(new TrainingProgress(step + 1, totalSteps, epoch, losses[^1], lr));
                accumulated = 0;
                inStep = 0;
                step++;
                if (evaluate is not null && o.EvalEverySteps > 0 && step % o.EvalEverySteps == 0)
                {
                    stopping = Evaluate(evaluate, stopping, ref best);
                    if (stopping.ShouldStop) break;
                }
            }
            if (evaluate is not null && o.EvalEverySteps == 0 && !stopping.ShouldStop) stopping = Evaluate(evaluate, stopping, ref best);
            if (o.CheckpointDirectory is not null)
                new TrainingCheckpoint(epoch + 1, step, stopping.Best, stopping.BadEvaluations, losses).Save(o.CheckpointDirectory, model, optimizer);
        }
        clock.Stop();
        if (best is not null)
        {
            model.load_state_dict(best);
            foreach (var t in best.Values) t.Dispose();
        }
        model.eval();
        return new TrainingReport(step, epoch, losses, tokens, clock.Elapsed.TotalSeconds, stopping.Best, stopping.ShouldStop,
            ProcessMemory.PeakResidentBytes(), startEpoch);
    }

    private EarlyStopping Evaluate(Func<double> evaluate, EarlyStopping stopping, ref Dictionary<string, Tensor>? best)
    {
        model.eval();
        double score;
        using (no_grad()) score = evaluate();
        var next = stopping.Observe(score);
        if (next.Improved)
        {
            if (best is not null) foreach (var t in best.Values) t.Dispose();
            best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
        }
        model.train();
        return next;
    }
}
