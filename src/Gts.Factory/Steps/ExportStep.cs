using System.IO.Compression;
using Gts.Core.Execution;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;

namespace Gts.Factory.Steps;

/// <summary>Writes the model directory the user asked for (recipe `output`): the student's files and the model
/// card. The folder is assembled beside the target and renamed into place, so a half-written model never
/// replaces a good one. Output "model": the same folder as an artifact.</summary>
public sealed class ExportStep : IStep
{
    public const string KindName = "factory.export";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var recipe = RecipeReader.Read(context.Args["recipe"]);
        var data = StepArtifacts.ReadTask(context);
        var labels = StepArtifacts.ReadJson<LabelOutcome>(context, "labels");
        var report = StepArtifacts.ReadJson<EvaluationReport>(context, "report");

        var target = recipe.Output;
        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".tmp-" + context.RunId;
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        using (var stream = context.Artifacts.OpenRead(context.Inputs["student"]))
            ZipFile.ExtractToDirectory(stream, staging);
        Card(recipe, data, labels, report, context.Time.GetUtcNow(), new Dictionary<string, double>()).Write(staging);
        var hash = await StepArtifacts.PutDirectoryAsync(context, staging, cancellationToken);

        var parent = Path.GetDirectoryName(Path.GetFullPath(target));
        if (parent is not null) Directory.CreateDirectory(parent);
        var old = target.TrimEnd(Path.DirectorySeparatorChar) + ".old-" + context.RunId;
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(staging, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        return StepArtifacts.Outcome($"model written to {target}", ("model", hash));
    }

    /// <summary>The model card of a run (timings are filled in by the caller that knows them).</summary>
    public static ModelCard Card(Recipe recipe, TaskData data, LabelOutcome labels, EvaluationReport report, DateTimeOffset now, IReadOnlyDictionary<string, double> stepSeconds) =>
        new(recipe.Name, now, recipe, data.LabelNames,
            new Dictionary<string, int>
            {
                ["train (gold labels)"] = data.Train.Count,
                ["dev"] = data.Dev.Count,
                ["test"] = data.Test.Count,
                ["pool (unlabeled)"] = data.Pool.Count,
                ["pseudo-labelled by self-training"] = labels.Teacher.Labelled.Count - data.Train.Count,
                ["soft-labelled for distillation"] = labels.Labels.Count,
            },
            report, labels.Rounds, stepSeconds)
        {
            TeacherMembers = labels.Teacher.Encoders.Select(Teaching.TunedEncoders.Display).Concat(labels.Teacher.Tfidf ? ["TF-IDF"] : [])
                .Where((_, m) => labels.Teacher.Members is null || labels.Teacher.Members.Contains(m)).ToList(),
        };
}
