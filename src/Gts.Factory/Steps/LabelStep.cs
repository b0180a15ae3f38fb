using Gts.Core.Data;
using Gts.Core.Execution;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;
using Gts.Factory.Teaching;

namespace Gts.Factory.Steps;

/// <summary>Self-training rounds, then the final teacher's soft labels for every candidate (output "labels":
/// a <see cref="LabelOutcome"/>).</summary>
public sealed class LabelStep : IStep
{
    public const string KindName = "factory.label";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        var teacherSpec = StepArtifacts.ReadJson<TeacherSpec>(context, "teacher");
        var candidates = StepArtifacts.ReadJson<List<Example>>(context, "candidates");
        var settings = new LabelSettings(
            int.Parse(context.Args["rounds"], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(context.Args["threshold"], System.Globalization.CultureInfo.InvariantCulture));

        using var encoders = TunedEncoders.Open(teacherSpec.Encoders, context.Artifacts);
        var result = SelfTraining.Run(teacherSpec, candidates, data.Dev, encoders, settings, context.Log, cancellationToken);
        var teacher = Teacher.Fit(result.Teacher, encoders, cancellationToken);
        var probs = teacher.Probabilities(candidates, cancellationToken);
        var labels = candidates.Select((c, i) => new SoftLabel(c.Text, c.TextB, probs[i])).ToList();
        var hash = await StepArtifacts.PutJsonAsync(context, new LabelOutcome(result.Teacher, result.Rounds, labels), cancellationToken);
        int added = result.Teacher.Labelled.Count - data.Train.Count;
        return StepArtifacts.Outcome($"{result.Rounds.Count(r => r.Kept) - 1} self-training round(s) kept, {added} pseudo-labels; {labels.Count} texts soft-labelled", ("labels", hash));
    }
}
