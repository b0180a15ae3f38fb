using System.Diagnostics;
using Gts.Core.Execution;
using Gts.Core.Metrics;
using Gts.Factory.Baselines;
using Gts.Factory.Pipeline;
using Gts.Factory.Teaching;
using Gts.Neural.Student;

namespace Gts.Factory.Steps;

/// <summary>Teacher vs student vs the two floors (TF-IDF + LR and frozen MiniLM + LR on the same few labels) on
/// the test set, with per-label scores and the student's batch throughput (output "report").</summary>
public sealed class EvaluateStep : IStep
{
    public const string KindName = "factory.evaluate";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        var labels = StepArtifacts.ReadJson<LabelOutcome>(context, "labels");
        var test = data.Test.Count > 0 ? data.Test : data.Dev;
        var gold = test.Select(e => e.Label).ToArray();
        var models = new Dictionary<string, ClassificationReport>(StringComparer.Ordinal);
        if (test.Count == 0)
        {
            var empty = await StepArtifacts.PutJsonAsync(context, new EvaluationReport(0, data.LabelNames, models, 0, 0), cancellationToken);
            return StepArtifacts.Outcome("no test or dev data: nothing to evaluate", ("report", empty));
        }

        using (var encoders = TunedEncoders.Open(labels.Teacher.Encoders, context.Artifacts))
        {
            var teacher = Teacher.Fit(labels.Teacher, encoders, cancellationToken);
            models[EvaluationReport.Teacher] = Report(gold, teacher.Probabilities(test, cancellationToken), data.Classes);
        }
        using (var minilm = EncoderEnsemble.Open(["minilm"]))
            models[EvaluationReport.FrozenMiniLM] = ClassificationReport.Compute(gold, EncoderBaseline.Run(minilm.Encoders[0], data.Train, test, data.Classes).Predictions, data.Classes);
        models[EvaluationReport.Tfidf] = ClassificationReport.Compute(gold, TfidfBaseline.Run(data.Train, test, data.Classes).Predictions, data.Classes);

        var dir = StepArtifacts.ExtractDirectory(context, "student");
        double textsPerSecond;
        long bytes = new FileInfo(Path.Combine(dir, StudentClassifier.ModelFile)).Length;
        using (var student = StudentClassifier.Open(dir))
        {
            var a = test.Select(e => e.Text).ToList();
            var b = data.IsPair ? test.Select(e => e.TextB!).ToList() : null;
            models[EvaluationReport.Student] = Report(gold, student.Predict(a, b), data.Classes);
            textsPerSecond = Throughput(student, a, b);
        }
        Directory.Delete(dir, recursive: true);

        var report = new EvaluationReport(test.Count, data.LabelNames, models, textsPerSecond, bytes);
        var hash = await StepArtifacts.PutJsonAsync(context, report, cancellationToken);
        return StepArtifacts.Outcome(
            $"accuracy on {test.Count} test texts: teacher {models[EvaluationReport.Teacher].Accuracy:P1}, student {models[EvaluationReport.Student].Accuracy:P1}, " +
            $"MiniLM+LR {models[EvaluationReport.FrozenMiniLM].Accuracy:P1}, TF-IDF+LR {models[EvaluationReport.Tfidf].Accuracy:P1}; student {textsPerSecond:N0} texts/s",
            ("report", hash));
    }

    private static ClassificationReport Report(int[] gold, float[][] probs, int classes) =>
        ClassificationReport.Compute(gold, probs.Select(SelfTraining.ArgMax).ToArray(), classes);

    /// <summary>Texts per second of batch inference incl. tokenization, over at least 2,000 texts and 0.5 s, after a warm-up.</summary>
    public static double Throughput(StudentClassifier student, IReadOnlyList<string> a, IReadOnlyList<string>? b)
    {
        student.Predict(a.Take(64).ToList(), b?.Take(64).ToList());
        int reps = Math.Max(1, 2000 / Math.Max(1, a.Count));
        var sw = Stopwatch.StartNew();
        int done = 0;
        while (done < reps * a.Count || sw.Elapsed.TotalSeconds < 0.5)
        {
            student.Predict(a, b);
            done += a.Count;
        }
        return done / sw.Elapsed.TotalSeconds;
    }
}
