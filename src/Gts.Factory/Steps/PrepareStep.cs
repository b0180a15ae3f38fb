using Gts.Core.Execution;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;

namespace Gts.Factory.Steps;

/// <summary>Reads and validates the recipe's data files into one task-data artifact (output "data").</summary>
public sealed class PrepareStep : IStep
{
    public const string KindName = "factory.prepare";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var recipe = RecipeReader.Read(context.Args["recipe"]);
        var data = TaskDataLoader.Load(recipe);
        var hash = await context.Artifacts.PutAsync(new MemoryStream(data.ToJson()), cancellationToken);
        return StepArtifacts.Outcome(
            $"{data.Train.Count} labelled, {data.Dev.Count} dev, {data.Test.Count} test, {data.Pool.Count} pool texts, {data.Classes} labels",
            ("data", hash));
    }
}
