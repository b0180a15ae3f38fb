using System.Globalization;
using Gts.Core.Execution;
using Gts.Core.Metrics;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;
using Gts.Factory.Teaching;
using Gts.Neural.Embeddings;
using Gts.Neural.Models;
using Gts.Neural.Student;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Student;

namespace Gts.Factory.Steps;

/// <summary>Distills the student from the teacher's soft labels plus the gold labels, keeps the epoch with the
/// best dev accuracy, and stores the exported student directory (output "student").</summary>
public sealed class DistillStep : IStep
{
    public const string KindName = "factory.distill";

    /// <summary>Gold examples count this many times a soft-labelled pool text in the loss.</summary>
    public const float GoldWeight = 3f;

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        var labels = StepArtifacts.ReadJson<LabelOutcome>(context, "labels");
        int epochs = int.Parse(context.Args["epochs"], CultureInfo.InvariantCulture);
        int seed = int.Parse(context.Args["seed"], CultureInfo.InvariantCulture);
        TorchRuntime.UseThreads(1);

        var dir = Directory.CreateTempSubdirectory("gts-student-").FullName;
        try
        {
            var vocabPath = Path.Combine(dir, StudentClassifier.VocabFile);
            var vocab = StudentVocabulary.Write(data, vocabPath);
            var config = new StudentConfig { VocabSize = vocab, Classes = data.Classes, Pair = data.IsPair };
            var featurizer = new StudentFeaturizer(BertTokenization.Create(vocabPath), config);

            var examples = labels.Labels.Select(l => new DistillationExample(l.Text, l.TextB, l.Probs))
                .Concat(data.Train.Select(e => new DistillationExample(e.Text, e.TextB, OneHot(e.Label, data.Classes), GoldWeight)))
                .ToList();
            Func<StudentModel, double>? devScore = data.Dev.Count == 0 ? null : model =>
            {
                var probs = StudentDistiller.Predict(model, featurizer, data.Dev.Select(e => e.Text).ToList(), data.IsPair ? data.Dev.Select(e => e.TextB!).ToList() : null);
                return ClassificationReport.Compute(data.Dev.Select(e => e.Label).ToArray(), probs.Select(SelfTraining.ArgMax).ToArray(), data.Classes).Accuracy;
            };
            var init = context.Args.GetValueOrDefault("init") == DistillSettings.StaticInit
                ? StaticInit(labels.Teacher, vocabPath, config.Dim, context, cancellationToken)
                : PcaInit(vocab, config.Dim);
            using var model = StudentDistiller.Train(config, featurizer, examples, new StudentTrainingOptions(Epochs: epochs, Seed: seed), devScore, init, cancellationToken: cancellationToken);

            StudentOnnxWriter.Write(model, Path.Combine(dir, StudentClassifier.ModelFile));
            config.Save(dir);
            await File.WriteAllLinesAsync(Path.Combine(dir, StudentClassifier.LabelsFile), data.LabelNames, cancellationToken);
            var hash = await StepArtifacts.PutDirectoryAsync(context, dir, cancellationToken);
            long bytes = new FileInfo(Path.Combine(dir, StudentClassifier.ModelFile)).Length;
            return StepArtifacts.Outcome($"student of {config.Parameters:N0} parameters ({bytes / 1e6:F1} MB ONNX) on {examples.Count} examples", ("student", hash));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The word-piece rows from MiniLM's input embeddings by PCA, when the student uses MiniLM's vocabulary.
    private static Action<TorchSharp.torch.Tensor>? PcaInit(int vocab, int dim)
    {
        if (vocab != StudentVocabulary.PackagedVocabularySize) return null;
        using var projection = TeacherEmbeddingProjection.Project(PackagedEncoders.Extract(PackagedEncoders.MiniLM).OnnxPath, dim);
        var rows = projection.detach().clone();
        return table => { TeacherEmbeddingProjection.Apply(table, rows); rows.Dispose(); };
    }

    // The rows of every student token that the teacher's first encoder also has, from that (tuned) encoder's output for the
    // token alone, by PCA; tokens it lacks keep their random start.
    private static Action<TorchSharp.torch.Tensor>? StaticInit(TeacherSpec teacher, string studentVocab, int dim, StepContext context, CancellationToken cancellationToken)
    {
        if (teacher.Encoders.Count == 0) return null;
        var folder = TunedEncoders.Locate(teacher.Encoders[0], context.Artifacts);
        using var encoder = new SentenceEncoder(EncoderEnsemble.Spec(folder));
        var encoderIds = File.ReadLines(encoder.Spec.VocabPath).Select((token, id) => (token, id)).GroupBy(p => p.token, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().id, StringComparer.Ordinal);
        var pairs = File.ReadLines(studentVocab).Select((token, row) => (row, id: encoderIds.GetValueOrDefault(token, -1))).Where(p => p.id >= 0).ToList();
        if (pairs.Count < dim) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = TeacherEmbeddingProjection.StaticTokens(encoder, pairs.Select(p => p.id).ToList(), dim, cancellationToken: cancellationToken);
        context.Log.WriteLine($"student rows of {pairs.Count:N0} tokens from {TunedEncoders.Display(teacher.Encoders[0])} token by token in {clock.Elapsed.TotalSeconds:F0} s");
        var targets = pairs.Select(p => p.row).ToList();
        return table => { TeacherEmbeddingProjection.Apply(table, targets, rows); rows.Dispose(); };
    }

    private static float[] OneHot(int label, int classes)
    {
        var v = new float[classes];
        v[label] = 1f;
        return v;
    }
}
