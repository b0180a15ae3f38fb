using System.Globalization;
using Gts.Core.Metrics;
using Gts.Data.Folders;
using Gts.Data.Sampling;
using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Onnx;
using Gts.Neural.Training.Tasks;
using Gts.Neural.Training.Training;
using Spectre.Console;

namespace Gts.Cli.Commands.Bench;

/// <summary>TAPT: MLM on the data set's unlabelled pool; held-out MLM loss before/after, and SetFit accuracy from the adapted
/// vs the original MiniLM on the same K-shot samples.</summary>
internal static class TaptExperiment
{
    public static string Run(EngineBenchSettings s, string command, CancellationToken ct)
    {
        var name = s.Datasets.Split(',')[0];
        var ds = DatasetFolder.Load(Path.Combine(s.Data, name));
        var pool = ds.Unlabeled.Select(e => e.Text).ToArray();
        var heldOut = pool[..256];
        var train = pool[256..].Take(s.Steps * 16).ToArray();
        var spec = PackagedEncoders.Extract(PackagedEncoders.MiniLM);
        var file = OnnxEncoderFile.Open(spec.OnnxPath);
        var tokenization = BertTokenization.Create(spec.VocabPath);
        var special = SpecialTokens.BertUncased;

        var (model, report) = MaskedLmTraining.Train(file.CreateEncoder(), tokenization, train, special,
            new TrainingOptions { LearningRate = 5e-5, BatchSize = 16, Epochs = 1, MaxSteps = s.Steps, Seed = 1 }, cancellationToken: ct);
        // "before" uses the same freshly initialised MLM transform as "after" started from; MiniLM ships no MLM head.
        using var before = new Gts.Neural.Training.Modules.MaskedLanguageModel(file.CreateEncoder());
        double lossBefore = MaskedLmTraining.HeldOutLoss(before, tokenization, heldOut, special, seed: 7);
        double lossAfter = MaskedLmTraining.HeldOutLoss(model, tokenization, heldOut, special, seed: 7);
        AnsiConsole.WriteLine($"tapt {name}: held-out MLM loss {lossBefore:F3} -> {lossAfter:F3}, {report.Steps} steps, {report.Seconds:F0} s");

        var test = ds.Test.Count > s.TestLimit && s.TestLimit > 0 ? ds.Test.Take(s.TestLimit).ToArray() : ds.Test;
        var rows = new List<(int Seed, double Original, double Adapted)>();
        foreach (var seed in s.Seeds.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)))
        {
            var sample = FewShotSampler.SampleStratified(ds, s.Shots, seed);
            var options = new SetFitOptions { MaxPairs = s.MaxPairs, Body = new SetFitOptions().Body with { Seed = seed } };
            double Acc(Gts.Neural.Training.Modules.BertEncoder encoder)
            {
                var (m, _) = ClassifierTraining.SetFit(encoder, PoolingMode.Mean, tokenization, sample, ds.Labels.Count, options, cancellationToken: ct);
                using (m) return ClassifierTraining.Accuracy(m, tokenization, test);
            }
            var adaptedEncoder = file.CreateEncoder();
            using (TorchSharp.torch.no_grad())
                foreach (var (p, q) in adaptedEncoder.parameters().Zip(model.Encoder.parameters())) p.copy_(q);
            rows.Add((seed, Acc(file.CreateEncoder()), Acc(adaptedEncoder)));
            AnsiConsole.WriteLine($"tapt {name} seed {seed}: SetFit from original {rows[^1].Original:P1}, from TAPT {rows[^1].Adapted:P1}");
        }
        model.Dispose();
        var o = MeanStd.Of(rows.Select(r => r.Original));
        var a = MeanStd.Of(rows.Select(r => r.Adapted));
        return $"### Task-adaptive pretraining (TAPT) of MiniLM on the {name} pool\n\n{EngineReport.Header(command)}\n\n" +
            $"MLM (15 % masking, 80/10/10, head tied to the word embeddings, fresh transform layer since MiniLM ships none), lr 5e-5, batch 16, " +
            $"{report.Steps} steps over {train.Length} pool texts ({EngineReport.F(report.Seconds, 0)} s, {EngineReport.F(report.TokensPerSecond, 0)} tokens/s). " +
            $"Held-out: the first 256 pool texts, never trained on, same masks (seed 7) for both models.\n\n" +
            "| | held-out MLM loss | SetFit accuracy, K = " + s.Shots + $" (seeds {string.Join(",", rows.Select(r => r.Seed))}, test n = {test.Count}) |\n|---|---:|---:|\n" +
            $"| MiniLM as packaged | {EngineReport.F(lossBefore, 3)} | {o.Format()} |\n| MiniLM after TAPT | {EngineReport.F(lossAfter, 3)} | {a.Format()} |\n\n" +
            $"TAPT {(lossAfter < lossBefore ? "lowered" : "did not lower")} the held-out MLM loss; downstream change {EngineReport.F((a.Mean - o.Mean) * 100)} points.\n";
    }
}
