using Gts.Core.Data;
using Gts.Core.Errors;
using Gts.Data.Import;
using Gts.Data.Sampling;
using Gts.Factory.Recipes;

namespace Gts.Factory.Pipeline;

/// <summary>Reads a recipe's files through Gts.Data (with its file/line/field errors) into <see cref="TaskData"/>.</summary>
public static class TaskDataLoader
{
    /// <summary>Fewest labelled examples per class the factory accepts: one (FewCLUE's official IFLYTEK splits have a class
    /// with a single example); such a class gets no same-class SetFit pair, only different-class ones.</summary>
    public const int MinimumPerClass = 1;

    public static TaskData Load(Recipe recipe)
    {
        var d = recipe.Data;
        var options = ImportOptions.Default with
        {
            Columns = ImportOptions.Default.Columns with
            {
                Text = d.TextColumn is null ? ImportOptions.Default.Columns.Text : [d.TextColumn],
                TextB = d.TextBColumn is null ? ImportOptions.Default.Columns.TextB : [d.TextBColumn],
                Label = d.LabelColumn is null ? ImportOptions.Default.Columns.Label : [d.LabelColumn],
            },
        };
        var labelled = new[] { d.Train, d.Dev, d.Test }.OfType<string>().ToList();
        var labels = d.Labels is not null ? LabelFile.Read(d.Labels) : new LabelSet(ExampleImporter.ReadLabelNames(labelled, options));
        var train = ExampleImporter.ReadLabeled(d.Train, labels, options);
        var shortClasses = FewShotSampler.FindShortClasses(train, labels, MinimumPerClass);
        if (shortClasses.Count > 0)
            throw new GtsException(ErrorKind.Infeasible,
                $"class '{labels[shortClasses[0].Label]}' has no labelled example; the factory needs at least {MinimumPerClass} per class",
                "label a few examples of that class (8–20 per class works well), or remove it from the label file", new SourceLocation(d.Train, 0, "label"));

        var isPair = recipe.Task == TaskKind.SentencePair;
        if (isPair && train.Any(e => e.TextB is null))
            throw new GtsException(ErrorKind.InvalidInput, "the recipe says task: pair but some training records have no second text",
                "add the second text as text_b (or name its column with data.text_b_column)", new SourceLocation(d.Train, train.First(e => e.TextB is null).Line, "text_b"));

        return new TaskData(
            recipe.Name,
            labels.Names,
            isPair,
            train,
            d.Dev is null ? [] : ExampleImporter.ReadLabeled(d.Dev, labels, options),
            d.Test is null ? [] : ExampleImporter.ReadLabeled(d.Test, labels, options),
            d.Unlabeled is null ? [] : ExampleImporter.ReadUnlabeled(d.Unlabeled, options));
    }
}
