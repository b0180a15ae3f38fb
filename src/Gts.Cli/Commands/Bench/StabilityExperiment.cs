using System.Globalization;
using Gts.Data.Folders;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Tasks;
using Gts.Neural.Training.Training;
using Gts.Neural.Training.Vocabulary;
using Spectre.Console;

namespace Gts.Cli.Commands.Bench;

/// <summary>Deep narrow encoders trained from scratch by MLM at a high learning rate, once per norm placement; loss curves
/// drawn to docs/engine-stability.png. DeepNet (Wang et al. 2022) reports Post-LN diverging where Pre-LN and DeepNorm train.</summary>
internal static class StabilityExperiment
{
    public static string Run(EngineBenchSettings s, string command, CancellationToken ct)
    {
        var name = s.Datasets.Split(',')[0];
        var ds = DatasetFolder.Load(Path.Combine(s.Data, name));
        var corpus = ds.Unlabeled.Select(e => e.Text).Concat(ds.Train.Select(e => e.Text)).ToArray();
        var vocab = VocabularyBuilder.Build(corpus, VocabularyKind.WordPiece, 4000);
        var vocabPath = Path.Combine(Path.GetTempPath(), $"gts-stability-vocab-{Environment.ProcessId}.txt");
        VocabularyBuilder.Write(vocab, vocabPath);
        var tokenization = BertTokenization.Create(vocabPath, maxLength: 48);
        var special = SpecialTokens.From(tokenization, vocab.Count);
        var texts = corpus.Take(s.Steps * 16).ToArray();
        var curves = new Dictionary<NormPlacement, IReadOnlyList<double>>();
        var rows = new List<string>();
        foreach (var norm in new[] { NormPlacement.PostLN, NormPlacement.PreLN, NormPlacement.DeepNorm })
        {
            var config = new EncoderConfig(vocab.Count, 64, s.Layers, 4, 256, 64, Dropout: 0.0, Norm: norm);
            var options = new TrainingOptions { LearningRate = s.LearningRate, BatchSize = 16, Epochs = 1, MaxSteps = s.Steps, WarmupFraction = 0.02, ClipNorm = 0, Seed = 1 };
            var (model, report) = MaskedLmTraining.Pretrain(config, tokenization, texts, special, options, cancellationToken: ct);
            model.Dispose();
            curves[norm] = report.StepLosses;
            var l = report.StepLosses;
            double first = l.Take(10).Average(), last = l.TakeLast(10).Average(), min = l.Min();
            bool diverged = l.Any(x => !double.IsFinite(x)) || last > first || last > min + 1.0;
            rows.Add($"| {norm} | {EngineReport.F(first, 2)} | {EngineReport.F(min, 2)} | {EngineReport.F(last, 2)} | {(diverged ? "**diverged**" : "trained")} | {EngineReport.F(report.Seconds, 0)} |");
            AnsiConsole.WriteLine($"stability {norm}: loss {first:F2} -> {last:F2} (min {min:F2}) {(diverged ? "DIVERGED" : "ok")} in {report.Seconds:F0} s");
        }
        File.Delete(vocabPath);
        var png = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(s.Benchmarks))!, "engine-stability.png");
        Plot(curves, png, s);
        return $"### Stability of deep encoders by normalization (from scratch, high learning rate)\n\n{EngineReport.Header(command)}\n\n" +
            $"{s.Layers} layers × 64 wide (4 heads, FFN 256), own WordPiece vocabulary of {vocab.Count} pieces built from the {name} pool + train texts, " +
            $"MLM from scratch, AdamW peak lr {s.LearningRate.ToString(CultureInfo.InvariantCulture)} (warm-up 2 %, then linear decay), no clipping, no dropout, batch 16 × ≤ 48 tokens, {s.Steps} steps, seed 1, one run per placement. " +
            "\"diverged\" = non-finite loss, or the mean of the last 10 steps above the first 10 or more than 1 nat above the minimum.\n\n" +
            "| placement | loss, first 10 steps | min | loss, last 10 steps | outcome | s |\n|---|---:|---:|---:|---|---:|\n" +
            string.Join("\n", rows) + "\n\n![loss curves](engine-stability.png)\n";
    }

    private static void Plot(Dictionary<NormPlacement, IReadOnlyList<double>> curves, string path, EngineBenchSettings s)
    {
        var plot = new ScottPlot.Plot();
        foreach (var (norm, losses) in curves)
        {
            var ys = losses.Select(x => double.IsFinite(x) ? x : double.NaN).ToArray();
            var line = plot.Add.Signal(ys);
            line.LegendText = norm.ToString();
        }
        plot.Title($"MLM loss, {s.Layers}-layer encoder, lr {s.LearningRate.ToString(CultureInfo.InvariantCulture)}");
        plot.XLabel("optimizer step");
        plot.YLabel("training loss");
        plot.ShowLegend();
        plot.SavePng(path, 900, 500);
    }
}
