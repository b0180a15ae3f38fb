using Gts.Factory.Benchmarks;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;

namespace Gts.Factory.Tests.Benchmarks;

public sealed class PipelineCellFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-pipeline-files-").FullName;

    [Fact]
    public void The_written_recipe_reads_back_with_the_variant_settings_and_the_cell_data()
    {
        var dataset = PipelineBenchData.Binary(perClassTrain: 10, perClassDev: 5, pool: 7);
        var cell = new PipelineCell("toy", PipelineVariant.NoSelfTraining, PipelineCell.KShot, 4, 2);
        var (data, _) = PipelineSplits.Of(dataset, cell);

        var path = PipelineCellFiles.Write(_dir, cell.Key, dataset.Labels, dataset.IsPair, data!, PipelineVariant.Settings(cell.Variant, 1234), cell.Seed);
        var recipe = RecipeReader.Read(path);
        var task = TaskDataLoader.Load(recipe);

        Assert.Equal(0, recipe.Steps.Label.Rounds);
        Assert.True(recipe.Steps.Generate.Enabled);
        Assert.Equal(1234, recipe.Steps.Generate.MaxPool);
        Assert.Equal(2, recipe.Seed);
        Assert.Equal(data!.Train.Select(e => (e.Text, e.Label)), task.Train.Select(e => (e.Text, e.Label)));
        Assert.Equal(data.Dev.Select(e => (e.Text, e.Label)), task.Dev.Select(e => (e.Text, e.Label)));
        Assert.Equal(dataset.Test.Count, task.Test.Count);
        Assert.Equal(dataset.Unlabeled.Select(e => e.Text), task.Pool.Select(e => e.Text));
        Assert.Equal(["neg", "pos"], task.LabelNames);
    }

    [Theory]
    [InlineData(PipelineVariant.Full)]
    [InlineData(PipelineVariant.NoGenerate)]
    [InlineData(PipelineVariant.NoSelfTraining)]
    [InlineData(PipelineVariant.FrozenTeacher)]
    [InlineData(PipelineVariant.TfidfMember)]
    [InlineData(PipelineVariant.StudentStatic)]
    public void Every_setting_a_variant_changes_survives_the_written_recipe(string variant)
    {
        var dataset = PipelineBenchData.Binary(perClassTrain: 10, perClassDev: 5, pool: 7);
        var cell = new PipelineCell("toy", variant, PipelineCell.KShot, 4, 0);
        var (data, _) = PipelineSplits.Of(dataset, cell);
        var expected = PipelineVariant.Settings(variant, 5000);

        var read = RecipeReader.Read(PipelineCellFiles.Write(Path.Combine(_dir, variant), cell.Key, dataset.Labels, dataset.IsPair, data!, expected, 0)).Steps;

        Assert.Equal((expected.Teach.Objective, expected.Teach.Tfidf, expected.Teach.MaxPairs), (read.Teach.Objective, read.Teach.Tfidf, read.Teach.MaxPairs));
        Assert.Equal(expected.Generate, read.Generate);
        Assert.Equal(expected.Label, read.Label);
        Assert.Equal(expected.Distill, read.Distill);
    }

    [Fact]
    public void Generate_off_turns_off_the_eda_variants_and_unknown_variants_are_refused()
    {
        Assert.False(PipelineVariant.Settings(PipelineVariant.NoGenerate, 5000).Generate.Enabled);
        Assert.Equal(new StepSettings().Label.Rounds, PipelineVariant.Settings(PipelineVariant.NoGenerate, 5000).Label.Rounds);
        Assert.Throws<ArgumentException>(() => PipelineVariant.Settings("no-such-variant", 5000));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
