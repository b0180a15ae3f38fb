using Gts.Neural.Models;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using Spectre.Console;

namespace Gts.Cli.Commands.Bench;

/// <summary>Native memory over thousands of training steps of a small encoder (dispose scopes around every step).</summary>
internal static class SoakExperiment
{
    public static string Run(EngineBenchSettings s, string command, CancellationToken ct)
    {
        var config = new EncoderConfig(VocabSize: 8000, Hidden: 128, Layers: 2, Heads: 2, Intermediate: 512, MaxPositions: 128, Dropout: 0.1);
        TorchRuntime.Seed(1);
        var encoder = new BertEncoder(config);
        ModelInitializer.Initialize(encoder);
        using var model = new SentenceClassifier(encoder, PoolingMode.Mean, 4);
        var random = new Random(2);
        var inputs = Enumerable.Range(0, 512).Select(_ => TokenSequence.Single([2, .. Enumerable.Range(0, random.Next(8, 64)).Select(_ => random.Next(5, 8000)), 3])).ToArray();
        var labels = inputs.Select((_, i) => i % 4).ToArray();
        var objective = new CrossEntropyObjective(model, inputs, labels);
        var samples = new List<(int Step, double Mb)>();
        var progress = new SyncProgress(p =>
        {
            if (p.Step == 1 || p.Step % Math.Max(1, s.Steps / 10) == 0) samples.Add((p.Step, ProcessMemory.ResidentBytes() / 1e6));
        });
        var report = new Trainer(model, new TrainingOptions { LearningRate = 1e-4, BatchSize = 16, Epochs = 1000, MaxSteps = s.Steps, Seed = 3 }, progress)
            .Fit(inputs.Select(i => i.Length).ToArray(), objective.Loss, cancellationToken: ct);
        AnsiConsole.WriteLine($"soak: {report.Steps} steps, RSS {string.Join(" -> ", samples.Select(x => $"{x.Mb:F0}"))} MB");
        var settled = samples.Where(x => x.Step >= s.Steps / 10).ToList();
        double growth = settled.Count > 1 ? (settled[^1].Mb - settled[0].Mb) / (settled[^1].Step - settled[0].Step) * 1000 : 0;
        return "### Native memory over training steps (soak)\n\n" + EngineReport.Header(command) + "\n\n" +
            $"Encoder 2 × 128 (vocab 8,000), batch 16 × 8-64 tokens, AdamW, cross-entropy, a dispose scope around every micro-batch and every optimizer step; " +
            $"{report.Steps} steps in {EngineReport.F(report.Seconds, 0)} s ({EngineReport.F(report.TokensPerSecond, 0)} tokens/s).\n\n" +
            "| step | " + string.Join(" | ", samples.Select(x => x.Step)) + " |\n|---|" + string.Join("", samples.Select(_ => "---:|")) + "\n" +
            "| RSS MB | " + string.Join(" | ", samples.Select(x => EngineReport.F(x.Mb, 0))) + " |\n\n" +
            $"Growth after the first 10 % of steps: {EngineReport.F(growth, 1)} MB per 1,000 steps.\n";
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
