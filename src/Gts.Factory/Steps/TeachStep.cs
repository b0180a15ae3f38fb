using Gts.Core.Execution;
using Gts.Factory.Teaching;

namespace Gts.Factory.Steps;

/// <summary>Fits the teacher on the few gold labels and calibrates it on dev (output "teacher").</summary>
public sealed class TeachStep : IStep
{
    public const string KindName = "factory.teach";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        var encoderNames = context.Args["encoders"].Split(',');
        using var encoders = EncoderEnsemble.Open(encoderNames);
        var outcome = SelfTraining.Run(new TeacherSpec(encoderNames, data.Train, data.Classes), [], data.Dev, encoders,
            new Recipes.LabelSettings(Rounds: 0), context.Log, cancellationToken);
        var hash = await context.Artifacts.PutAsync(new MemoryStream(outcome.Teacher.ToJson()), cancellationToken);
        var dev = outcome.Rounds[0].DevAccuracy;
        return StepArtifacts.Outcome($"teacher of {string.Join("+", encoderNames)} on {data.Train.Count} labels, temperature {outcome.Teacher.Temperature:F2}" +
            (dev is null ? "" : $", dev accuracy {dev:P1}"), ("teacher", hash));
    }
}
