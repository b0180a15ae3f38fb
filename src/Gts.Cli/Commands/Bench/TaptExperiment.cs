using System.Globalization;
using Gts.Core.Metrics;
using Gts.Data.Folders;
using Gts.Data.Sampling;
using Gts.Factory.Baselines;
using Gts.Factory.Teaching;
using Spectre.Console;

namespace Gts.Cli.Commands.Bench;

/// <summary>TAPT as the production pipeline runs it: MiniLM adapted by masked-LM training on the data set's unlabelled pool
/// (<see cref="EncoderAdaptation"/>), held-out MLM loss of the original and the adapted encoder under the same trained head,
/// then the teacher's recipe (SetFit tuning, then logistic regression on the tuned embeddings) from the original vs from
/// the adapted encoder on the same K-shot samples and the same test texts.</summary>
internal static class TaptExperiment
{
    public static string Run(EngineBenchSettings s, string command, CancellationToken ct)
    {
        var name = s.Datasets.Split(',')[0];
        var ds = DatasetFolder.Load(Path.Combine(s.Data, name));
        var pool = ds.Unlabeled.Select(e => e.Text).Distinct(StringComparer.Ordinal).Take(5000).ToList();
        var work = Directory.CreateTempSubdirectory("gts-bench-tapt-").FullName;
        try
        {
            var adapted = Path.Combine(work, "adapted");
            var result = EncoderAdaptation.Adapt("minilm", pool, s.Steps, seed: 1, adapted, ct);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tapt {name}: held-out MLM loss {result.HeldOutBefore:F3} (original) -> {result.HeldOutAfter:F3} (adapted), {s.Steps} steps, {result.Info.Seconds:F0} s"));

            var test = s.TestLimit > 0 && s.TestLimit < ds.Test.Count ? ds.Test.Take(s.TestLimit).ToArray() : ds.Test;
            var rows = new List<(int Seed, double Original, double Adapted)>();
            var tuning = new TuningOptions(MaxPairs: s.MaxPairs, LearningRate: s.BodyLearningRate, BatchSize: s.Batch);
            foreach (var seed in s.Seeds.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)))
            {
                var sample = FewShotSampler.SampleStratified(ds, s.Shots, seed);
                double Accuracy(string encoder)
                {
                    var dir = Path.Combine(work, $"tuned-{seed}-{Path.GetFileName(encoder)}");
                    EncoderTuning.Tune(encoder, sample, ds.Labels.Count, tuning with { Seed = seed }, dir, ct);
                    using var ensemble = EncoderEnsemble.Open([dir], cacheRoot: Path.Combine(work, "cache"));
                    var run = EncoderBaseline.Run(ensemble.Encoders[0], sample, test, ds.Labels.Count, cancellationToken: ct);
                    return ClassificationReport.Compute(test.Select(e => e.Label).ToArray(), run.Predictions, ds.Labels.Count).Accuracy;
                }
                rows.Add((seed, Accuracy("minilm"), Accuracy(adapted)));
                AnsiConsole.WriteLine($"tapt {name} seed {seed}: teacher from original {rows[^1].Original:P1}, from TAPT {rows[^1].Adapted:P1}");
            }
            var o = MeanStd.Of(rows.Select(r => r.Original));
            var a = MeanStd.Of(rows.Select(r => r.Adapted));
            var d = MeanStd.Of(rows.Select(r => r.Adapted - r.Original));
            var ci = CultureInfo.InvariantCulture;
            return $"### Task-adaptive pretraining (TAPT) of MiniLM on the {name} pool\n\n{EngineReport.Header(command)}\n\n" +
                string.Create(ci, $"MLM (15 % masking, 80/10/10, head tied to the word embeddings; MiniLM ships no MLM head, so its transform layer starts fresh), lr 5e-5, batch 16, ") +
                string.Create(ci, $"{s.Steps} steps over {result.Info.Examples:N0} pool texts ({result.Info.Seconds:F0} s, {result.Info.TokensPerSecond:F0} tokens/s, seed 1). ") +
                "Held-out: 128 pool texts never trained on, the same masks (seed 7) for both; \"original\" is the packaged encoder under the head TAPT trained, " +
                "so the difference is the encoder's adaptation, not the head's. Downstream: the teacher's recipe from each encoder — SetFit tuning " +
                string.Create(ci, $"(up to {s.MaxPairs} pairs, lr {s.BodyLearningRate}, batch {s.Batch}, 1 epoch), then logistic regression on the tuned embeddings — on the same K = {s.Shots} samples; accuracy on {test.Count} test texts, mean ± population std over seeds {string.Join(",", rows.Select(r => r.Seed))}.\n\n") +
                "| encoder | held-out MLM loss | teacher accuracy |\n|---|---:|---:|\n" +
                $"| MiniLM as packaged | {EngineReport.F(result.HeldOutBefore, 3)} | {o.Format()} |\n| MiniLM after TAPT | {EngineReport.F(result.HeldOutAfter, 3)} | {a.Format()} |\n\n" +
                $"TAPT {(result.HeldOutAfter < result.HeldOutBefore ? "lowered" : "did not lower")} the held-out MLM loss; downstream change {d.Format()} points.\n";
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
