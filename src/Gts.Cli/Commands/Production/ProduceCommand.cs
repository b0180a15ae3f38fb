using System.ComponentModel;
using Gts.Cli.Commands.Dispatch;
using Gts.Core.Errors;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Production;

/// <summary>`gts produce &lt;recipe&gt;`: builds the production plan and runs it through the dispatcher on the local
/// executor, with per-step progress and an ETA. Run it again after a kill: the unfinished run is resumed and
/// finished steps are not repeated.</summary>
internal sealed class ProduceCommand : AsyncCommand<ProduceCommand.Settings>
{
    internal sealed class Settings : PoolSettings
    {
        [CommandArgument(0, "<RECIPE>")]
        [Description("Recipe YAML: data paths (only data.train is required), task, budget, step overrides.")]
        public string Recipe { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var recipe = RecipeReader.Read(settings.Recipe);
        var plan = ProductionPlan.Build(recipe, settings.Recipe);
        var result = await ProductionRunner.RunAsync(plan, settings, Console.Out, cancellationToken);
        if (!result.Succeeded)
            throw new GtsException(ErrorKind.External, $"production run {result.RunId} ended {result.State}: {result.Message}",
                $"see `gts runs show {result.RunId}` and `gts runs logs {result.RunId} <step>`; fix the cause and run `gts produce` again (finished steps are reused)");
        ProductionRunner.Materialize(recipe, result);
        ProductionRunner.WriteTimings(recipe, result);
        Console.Out.WriteLine();
        Console.Out.WriteLine($"model: {recipe.Output}");
        Console.Out.WriteLine($"  {Path.Combine(recipe.Output, "model.onnx")}  (student, ONNX)");
        Console.Out.WriteLine($"  {Path.Combine(recipe.Output, ModelCard.MarkdownFile)}  (model card)");
        Console.Out.WriteLine($"try: gts predict --model {recipe.Output} \"your text here\"");
        return 0;
    }
}
