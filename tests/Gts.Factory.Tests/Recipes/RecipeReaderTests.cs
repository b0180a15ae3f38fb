using Gts.Core.Errors;
using Gts.Factory.Recipes;

namespace Gts.Factory.Tests.Recipes;

public sealed class RecipeReaderTests
{
    private const string RecipePath = "/data/task/recipe.yaml";

    [Fact]
    public void A_recipe_with_only_training_data_gets_working_defaults()
    {
        var r = RecipeReader.Parse("data:\n  train: train.jsonl\n", RecipePath);

        Assert.Equal("recipe", r.Name);
        Assert.Equal("/data/task/train.jsonl", r.Data.Train);
        Assert.Equal(TaskKind.SingleText, r.Task);
        Assert.Equal(TimeSpan.FromMinutes(10), r.Budget);
        Assert.Equal(["minilm", "arcticxs"], r.Steps.Teach.EncoderNames);
        Assert.False(r.Steps.Tapt.Enabled);
        Assert.Equal("/data/task/model", r.Output);
    }

    [Fact]
    public void Overrides_and_relative_paths_are_read()
    {
        const string yaml = """
            name: intents
            task: pair
            language: zh
            budget: 1.5h
            seed: 7
            data:
              train: ../shared/train.jsonl
              unlabeled: pool.jsonl
              text_b_column: hypothesis
            steps:
              tapt: { enabled: false }
              label: { rounds: 3, threshold: 0.8 }
              teach: { encoders: [minilm] }
              distill: { init: static }
            """;
        var r = RecipeReader.Parse(yaml, RecipePath);

        Assert.Equal(TaskKind.SentencePair, r.Task);
        Assert.Equal(Language.Chinese, r.Language);
        Assert.Equal(TimeSpan.FromMinutes(90), r.Budget);
        Assert.Equal("/data/shared/train.jsonl", r.Data.Train);
        Assert.Equal("/data/task/pool.jsonl", r.Data.Unlabeled);
        Assert.Equal("hypothesis", r.Data.TextBColumn);
        Assert.False(r.Steps.Tapt.Enabled);
        Assert.Equal(3, r.Steps.Label.Rounds);
        Assert.Equal(0.8, r.Steps.Label.Threshold);
        Assert.Equal(["minilm"], r.Steps.Teach.EncoderNames);
        Assert.Equal(DistillSettings.StaticInit, r.Steps.Distill.Init);
    }

    [Fact]
    public void Missing_training_data_names_the_field_and_the_fix()
    {
        var e = Assert.Throws<GtsException>(() => RecipeReader.Parse("budget: 5m\n", RecipePath));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal("data.train", e.Location?.Field);
        Assert.Contains("train:", e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_reported_with_its_line()
    {
        var e = Assert.Throws<GtsException>(() => RecipeReader.Parse("data:\n  train: a.jsonl\n  trian: b.jsonl\n", RecipePath));
        Assert.Equal(3, e.Location?.Line);
        Assert.Contains("trian", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("budget: soon\ndata: { train: a }\n", "budget")]
    [InlineData("task: regression\ndata: { train: a }\n", "task")]
    [InlineData("data: { train: a }\nsteps: { label: { threshold: 1.5 } }\n", "steps.label.threshold")]
    [InlineData("data: { train: a }\nsteps: { teach: { epochs: 0 } }\n", "steps.teach.epochs")]
    [InlineData("data: { train: a }\nsteps: { teach: { objective: setfit } }\n", "steps.teach.objective")]
    [InlineData("data: { train: a }\nsteps: { teach: { max_pairs: -5 } }\n", "steps.teach.max_pairs")]
    [InlineData("data: { train: a }\nsteps: { distill: { init: model2vec } }\n", "steps.distill.init")]
    public void Bad_values_name_their_field(string yaml, string field)
    {
        var e = Assert.Throws<GtsException>(() => RecipeReader.Parse(yaml, RecipePath));
        Assert.Equal(field, e.Location?.Field);
        Assert.NotNull(e.Fix);
    }

    [Fact]
    public void A_missing_recipe_file_is_not_found()
    {
        var e = Assert.Throws<GtsException>(() => RecipeReader.Read("/nonexistent/recipe.yaml"));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
    }
}
