using System.ComponentModel;
using Gts.Cli.Commands.Dispatch;
using Gts.Cli.Commands.Production;
using Gts.Core.Errors;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;
using Gts.Neural.Student;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands;

/// <summary>`gts demo`: the main job on the embedded defaults — the whole production pipeline (whose evaluate step
/// also scores the TF-IDF + LR and frozen MiniLM + LR baselines) on the sample
/// data in samples/reviews (through the dispatcher on the local executor), then the exported student at work.</summary>
internal sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    internal sealed class Settings : PoolSettings
    {
        [CommandOption("--recipe <PATH>")]
        [Description("Recipe to run. Default: samples/reviews/recipe.yaml of this repository.")]
        public string? Recipe { get; init; }
    }

    private static readonly string[] Examples =
    [
        "Arrived quickly and works perfectly, I would buy it again.",
        "The handle snapped on the second day and support never answered.",
        "It is fine for the price, nothing special.",
    ];

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var recipePath = settings.Recipe ?? FindSampleRecipe();
        var recipe = RecipeReader.Read(recipePath);
        AnsiConsole.MarkupLine($"[bold]gts demo[/]: producing a classifier from [blue]{Markup.Escape(recipePath)}[/]");
        var result = await ProductionRunner.RunAsync(ProductionPlan.Build(recipe, recipePath), settings, Console.Out, cancellationToken);
        if (!result.Succeeded)
            throw new GtsException(ErrorKind.External, $"the demo run {result.RunId} ended {result.State}: {result.Message}",
                $"see `gts runs logs {result.RunId} <step>`; run `gts demo` again to resume");
        ProductionRunner.Materialize(recipe, result);
        ProductionRunner.WriteTimings(recipe, result);

        var card = File.ReadAllText(Path.Combine(recipe.Output, ModelCard.MarkdownFile));
        var results = card[card.IndexOf("## Test results", StringComparison.Ordinal)..card.IndexOf("### Student, per label", StringComparison.Ordinal)];
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine(results.Trim());

        using var student = StudentClassifier.Open(recipe.Output);
        var probs = student.Predict(Examples);
        var table = new Table().Title("the student on new texts").AddColumns("text", "label", "p");
        for (int i = 0; i < Examples.Length; i++)
        {
            int k = probs[i][1] > probs[i][0] ? 1 : 0;
            if (probs[i].Length > 2) k = Array.IndexOf(probs[i], probs[i].Max());
            table.AddRow(Markup.Escape(Examples[i]), Markup.Escape(student.Labels[k]), probs[i][k].ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"model directory: [green]{Markup.Escape(recipe.Output)}[/] (model.onnx, vocab.txt, student.json, labels.txt, model-card.md, model-card.json)");
        AnsiConsole.MarkupLine($"next: [blue]gts predict --model {Markup.Escape(recipe.Output)} \"your text\"[/]");
        return 0;
    }

    private static string FindSampleRecipe()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "reviews", "recipe.yaml");
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new GtsException(ErrorKind.NotFound, "the sample recipe samples/reviews/recipe.yaml was not found above the current directory",
            "run `gts demo` inside the repository, or pass --recipe <path>");
    }
}
