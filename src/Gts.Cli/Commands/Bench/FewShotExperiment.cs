using System.Diagnostics;
using System.Globalization;
using Gts.Cli.Commands.Plan;
using Gts.Core.Data;
using Gts.Core.Metrics;
using Gts.Data.Folders;
using Gts.Data.Sampling;
using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Onnx;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Tasks;
using Spectre.Console;

namespace Gts.Cli.Commands.Bench;

/// <summary>SetFit fine-tuning of MiniLM vs the frozen MiniLM + logistic-regression head, same K-shot samples (the note's
/// sampler, via Gts.Data) and same test examples, per seed.</summary>
internal static class FewShotExperiment
{
    private const string NotePath = "../shared/notes/pretrained-encoders.md";

    public static string Run(EngineBenchSettings s, string command, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(s.Benchmarks))!, "bench-engine");
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "fewshot.csv");
        var runs = File.Exists(csv) ? File.ReadLines(csv).Skip(1).Where(l => l.Length > 0).Select(FewShotRun.Parse).ToList() : [];
        var note = NoteBaseline(s.Shots);

        var spec = PackagedEncoders.Extract(PackagedEncoders.MiniLM);
        var file = OnnxEncoderFile.Open(spec.OnnxPath);
        var tokenization = BertTokenization.Create(spec.VocabPath);
        foreach (var name in s.Datasets.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ds = DatasetFolder.Load(Path.Combine(s.Data, name));
            var test = s.TestLimit > 0 && s.TestLimit < ds.Test.Count ? Subset(ds.Test, s.TestLimit) : ds.Test;
            foreach (var seed in s.Seeds.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)))
            {
                ct.ThrowIfCancellationRequested();
                var train = FewShotSampler.SampleStratified(ds, s.Shots, seed);
                TorchRuntime.Seed(seed);
                double frozen;
                using (var f = new SentenceClassifier(file.CreateEncoder(0.0), PoolingMode.Mean, ds.Labels.Count, normalize: true, dropout: 0))
                {
                    ClassifierTraining.FitLogisticHead(f, tokenization, train);
                    frozen = ClassifierTraining.Accuracy(f, tokenization, test);
                }
                var options = new SetFitOptions { MaxPairs = s.MaxPairs, Body = new SetFitOptions().Body with { Seed = seed, LearningRate = s.BodyLearningRate, BatchSize = s.Batch } };
                var load = MachineInfo.LoadAverage();
                var clock = Stopwatch.StartNew();
                var (model, report) = ClassifierTraining.SetFit(file.CreateEncoder(), PoolingMode.Mean, tokenization, train, ds.Labels.Count, options, cancellationToken: ct);
                var seconds = clock.Elapsed.TotalSeconds;
                double setfit;
                using (model) setfit = ClassifierTraining.Accuracy(model, tokenization, test);
                var run = new FewShotRun(name, seed, s.Shots, train.Count, test.Count, frozen, setfit, note.GetValueOrDefault((name, seed)),
                    seconds, report.Tokens, report.TokensPerSecond, report.PeakResidentBytes / 1e6, Math.Min(options.MaxPairs, 2 * options.Iterations * train.Count), load);
                AnsiConsole.WriteLine($"{name} seed {seed}: frozen {frozen:P1}, SetFit {setfit:P1}, train {seconds:F0} s, {report.TokensPerSecond:F0} tok/s, load {load}");
                runs.RemoveAll(r => r.Dataset == name && r.Seed == seed && r.Shots == s.Shots);
                runs.Add(run);
                File.WriteAllLines(csv, [FewShotRun.Header, .. runs.OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Seed).Select(r => r.ToCsv())]);
                GC.Collect();
            }
        }
        return Markdown(runs, command, s);
    }

    private static IReadOnlyList<Example> Subset(IReadOnlyList<Example> test, int n)
    {
        var index = Enumerable.Range(0, test.Count).ToArray();
        new Random(12345).Shuffle(index);
        return index[..n].Order().Select(i => test[i]).ToArray();
    }

    /// <summary>Per-seed MiniLM + LR accuracy at K from the note's CSV (section 6), when the note is there.</summary>
    private static Dictionary<(string, int), double> NoteBaseline(int k)
    {
        var result = new Dictionary<(string, int), double>();
        if (!File.Exists(NotePath)) return result;
        foreach (var line in File.ReadLines(NotePath))
        {
            var f = line.Split(',');
            if (f.Length == 10 && f[1] == "minilm" && f[2] == "kshot" && f[3] == k.ToString(CultureInfo.InvariantCulture))
                result[(f[0], int.Parse(f[4], CultureInfo.InvariantCulture))] = double.Parse(f[7], CultureInfo.InvariantCulture);
        }
        return result;
    }

    private static string Markdown(List<FewShotRun> runs, string command, EngineBenchSettings s)
    {
        var md = new System.Text.StringBuilder();
        md.AppendLine("### SetFit fine-tuning of MiniLM vs frozen MiniLM + logistic regression (K = 8 per class)").AppendLine();
        md.AppendLine(EngineReport.Header(command)).AppendLine();
        md.AppendLine("Same K-shot sample (the note's sampler through `Gts.Data`) and same test examples for both arms in each cell. SetFit: " +
            $"contrastive fine-tuning (CosineSimilarityLoss, 20 iterations of one positive + one negative pair per example, capped at {s.MaxPairs} pairs, 1 epoch, " +
            $"peak lr {s.BodyLearningRate.ToString(CultureInfo.InvariantCulture)}, batch {s.Batch}, " +
            "warm-up 10 %), then the same logistic-regression head (C = 1, summed loss) as the frozen arm on L2-normalised mean-pooled vectors. " +
            "`note` = the frozen MiniLM + LR accuracy of shared/notes/pretrained-encoders.md section 6 on the full test set for the same seeds. " +
            "Accuracy in %, mean ± population std over the seeds listed. Per-seed rows: docs/bench-engine/fewshot.csv.").AppendLine();
        md.AppendLine("| data set | seeds | test n | frozen + LR | SetFit | Δ (points) | note frozen | train s (mean, max) | tokens/s | peak RSS MB |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var deltas = new List<double>();
        foreach (var g in runs.GroupBy(r => r.Dataset))
        {
            var frozen = MeanStd.Of(g.Select(r => r.Frozen));
            var setfit = MeanStd.Of(g.Select(r => r.SetFit));
            var delta = MeanStd.Of(g.Select(r => r.SetFit - r.Frozen));
            deltas.Add(delta.Mean * 100);
            var note = g.All(r => r.NoteFrozen is not null) ? MeanStd.Of(g.Select(r => r.NoteFrozen!.Value)).Format() : "—";
            md.AppendLine($"| {g.Key} | {string.Join(",", g.Select(r => r.Seed))} | {g.First().Test} | {frozen.Format()} | {setfit.Format()} | {delta.Format()} | {note} | " +
                $"{EngineReport.F(g.Average(r => r.TrainSeconds), 0)}, {EngineReport.F(g.Max(r => r.TrainSeconds), 0)} | {EngineReport.F(g.Average(r => r.TokensPerSecond), 0)} | {EngineReport.F(g.Max(r => r.PeakMb), 0)} |");
        }
        if (deltas.Count > 0)
        {
            double mean = deltas.Average();
            md.AppendLine().AppendLine($"Average gain over {deltas.Count} data sets: **{EngineReport.F(mean)} points** (target ≥ 3: {(mean >= 3 ? "met" : "missed")}).");
        }
        var binary = runs.Where(r => r.Train == 2 * r.Shots).ToList();
        if (binary.Count > 0)
            md.AppendLine().AppendLine($"Fine-tuning time, 8 shots × 2 classes (SetFit body + head, {binary.Count} runs): mean {EngineReport.F(binary.Average(r => r.TrainSeconds), 0)} s, " +
                $"max {EngineReport.F(binary.Max(r => r.TrainSeconds), 0)} s (target ≤ 180 s: {(binary.Max(r => r.TrainSeconds) <= 180 ? "met" : "missed")}); " +
                $"forward + backward {EngineReport.F(binary.Average(r => r.TokensPerSecond), 0)} tokens/s; peak RSS {EngineReport.F(binary.Max(r => r.PeakMb), 0)} MB.");
        return md.ToString();
    }
}
