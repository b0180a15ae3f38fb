using Gts.Factory.Benchmarks;
using Gts.Factory.Pipeline;

namespace Gts.Factory.Tests.Benchmarks;

public sealed class PipelineSummaryTests
{
    [Fact]
    public void Seeds_are_averaged_with_the_population_std_and_the_gap_and_ratio_are_taken_per_seed()
    {
        var results = new[]
        {
            PipelineBenchData.Cell("sst2", PipelineVariant.Full, 0, teacher: 0.80, student: 0.76, tfidf: 0.55, minilm: 0.70),
            PipelineBenchData.Cell("sst2", PipelineVariant.Full, 1, teacher: 0.90, student: 0.90, tfidf: 0.65, minilm: 0.74),
            PipelineBenchData.Cell("sst2", PipelineVariant.NoGenerate, 0, teacher: 0.10, student: 0.10, tfidf: 0.10, minilm: 0.10),
            PipelineBenchData.Cell("cr", PipelineVariant.Full, 0, teacher: 0.10, student: 0.10, tfidf: 0.10, minilm: 0.10),
            new PipelineCellResult { Cell = new PipelineCell("sst2", PipelineVariant.Full, PipelineCell.KShot, 8, 2), SkipReason = "too few" },
        };

        var s = PipelineSummary.Of(results, "sst2", PipelineVariant.Full)!;

        Assert.Equal(2, s.Seeds);
        Assert.Equal("accuracy", s.Metric);
        Assert.Equal(0.85, s.Accuracy[EvaluationReport.Teacher].Mean, 10);
        Assert.Equal(0.05, s.Accuracy[EvaluationReport.Teacher].Std, 10);
        Assert.Equal(0.13, s.Gap.Mean, 10);            // (0.10 + 0.16) / 2
        Assert.Equal(0.03, s.Gap.Std, 10);
        Assert.Equal((0.76 / 0.80 + 1.0) / 2, s.Ratio.Mean, 10);
        Assert.Equal(4.5, s.StudentMegabytes.Mean, 10);
        Assert.Equal(10.5, s.StepSeconds["teach"].Mean, 10);
        Assert.Equal(50, s.PseudoLabels.Mean, 10);
        Assert.Null(PipelineSummary.Of(results, "trec", PipelineVariant.Full));
    }

    [Fact]
    public void Imbalanced_binary_sets_are_judged_by_mcc_and_banking77_by_macro_f1()
    {
        var cell = PipelineBenchData.Cell("sms_spam", PipelineVariant.Full, 0, teacher: 0.9, student: 0.9, tfidf: 0.5, minilm: 0.8);
        var s = PipelineSummary.Of([cell], "sms_spam", PipelineVariant.Full)!;

        Assert.Equal("MCC", s.Metric);
        Assert.Equal(cell.Models[EvaluationReport.Teacher].Mcc, s.Judged[EvaluationReport.Teacher].Mean, 10);
        Assert.Equal(cell.Models[EvaluationReport.Teacher].Mcc - cell.Models[EvaluationReport.FrozenMiniLM].Mcc, s.Gap.Mean, 10);
        Assert.Equal("macro-F1", PipelineMetric.NameOf("banking77"));
        Assert.Equal("macro-F1", PipelineMetric.NameOf("fewclue_tnews"));
        Assert.Equal("accuracy", PipelineMetric.NameOf("trec"));
    }

    [Fact]
    public void The_report_states_a_missed_gap_target_and_the_ablations_not_run()
    {
        var results = new[]
        {
            PipelineBenchData.Cell("sst2", PipelineVariant.Full, 0, teacher: 0.82, student: 0.80, tfidf: 0.55, minilm: 0.78),
            PipelineBenchData.Cell("sst2", PipelineVariant.NoSelfTraining, 0, teacher: 0.80, student: 0.77, tfidf: 0.55, minilm: 0.78),
        };
        var run = new PipelineRun(results, [], new TeacherSpeed(["minilm", "arcticxs"], 180_000_000, 512, 150, 2), 2, 0);
        var profile = new PipelineProfile("tiny", ["sst2"], [0], 8, ["sst2"]);
        var context = new PipelineBenchContext("test CPU, 2 cores", DateTimeOffset.UnixEpoch, "gts bench pipeline", "data", "1.0", "2.0", TimeSpan.FromMinutes(3));

        var md = PipelineMarkdown.Build(run, profile, null, context);

        Assert.Contains("| sst2 | 1 | accuracy | 82.0 ± 0.0 | 80.0 ± 0.0 | 55.0 ± 0.0 | 78.0 ± 0.0 | 4.0 ± 0.0 |", md, StringComparison.Ordinal);
        Assert.Contains("**Teacher − MiniLM floor ≥ 8 points** (English list): **missed** — 4.0 points", md, StringComparison.Ordinal);
        Assert.Contains("| TAPT on | not run |", md, StringComparison.Ordinal);
        Assert.Contains("| fine-tuning off | not run |", md, StringComparison.Ordinal);
        Assert.Contains("| self-training 0 rounds | 80.0 ± 0.0 | -2.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| Generate off | not run |", md, StringComparison.Ordinal);
        Assert.Contains("| Distill off (deploy the teacher) | 82.0 ± 0.0 | 0.0 | — | — | 180.0 | 150 |", md, StringComparison.Ordinal);
        Assert.Contains("End to end ≤ 10 minutes**: not measured", md, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_ablations_asked_for_there_are_no_ablation_tables()
    {
        var results = new[] { PipelineBenchData.Cell("sst2", PipelineVariant.Full, 0, teacher: 0.82, student: 0.80, tfidf: 0.55, minilm: 0.78) };
        var run = new PipelineRun(results, [], null, 1, 0);
        var profile = new PipelineProfile("tiny", ["sst2"], [0], 8, ["sst2"]) { Ablations = [] };
        var context = new PipelineBenchContext("test CPU, 2 cores", DateTimeOffset.UnixEpoch, "gts bench pipeline", "data", "1.0", "2.0", TimeSpan.FromMinutes(3));

        var md = PipelineMarkdown.Build(run, profile, null, context);

        Assert.Contains("| sst2 | 1 | accuracy | 82.0 ± 0.0 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("### Ablations", md, StringComparison.Ordinal);
    }
}
