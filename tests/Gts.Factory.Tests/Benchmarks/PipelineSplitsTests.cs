using Gts.Core.Data;
using Gts.Data.Sampling;
using Gts.Factory.Benchmarks;

namespace Gts.Factory.Tests.Benchmarks;

public sealed class PipelineSplitsTests
{
    [Fact]
    public void Train_is_the_few_shot_grid_sample_and_dev_comes_from_the_dev_split()
    {
        var dataset = PipelineBenchData.Binary(perClassTrain: 20, perClassDev: 10);
        var (data, skip) = PipelineSplits.Of(dataset, new PipelineCell("toy", PipelineVariant.Full, PipelineCell.KShot, 4, 3));

        Assert.Null(skip);
        Assert.Equal(FewShotSampler.SampleStratified(dataset, 4, 3), data!.Train);
        Assert.Equal(8, data.Dev.Count);
        Assert.All(data.Dev, e => Assert.Contains(e, dataset.Dev));
        Assert.Equal([4, 4], data.Dev.GroupBy(e => e.Label).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Same(dataset.Test, data.Test);
        Assert.Same(dataset.Unlabeled, data.Pool);
        Assert.Equal("dev split", data.DevSource);
    }

    [Fact]
    public void Without_a_dev_split_dev_is_drawn_from_the_training_records_not_sampled()
    {
        var dataset = PipelineBenchData.Binary(perClassTrain: 10, perClassDev: 0);
        foreach (var seed in new[] { 0, 1, 2 })
        {
            var (data, _) = PipelineSplits.Of(dataset, new PipelineCell("toy", PipelineVariant.Full, PipelineCell.KShot, 4, seed));
            Assert.Equal(8, data!.Dev.Count);
            Assert.Empty(data.Dev.Intersect(data.Train, ReferenceEqualityComparer.Instance));
            Assert.Empty(data.Dev.Select(e => e.Text).Intersect(data.Train.Select(e => e.Text)));
            Assert.Equal([4, 4], data.Dev.GroupBy(e => e.Label).OrderBy(g => g.Key).Select(g => g.Count()));
        }
    }

    [Fact]
    public void Dev_shrinks_to_what_the_scarcest_class_has_left()
    {
        var dataset = PipelineBenchData.Binary(perClassTrain: 6, perClassDev: 0);
        var (data, _) = PipelineSplits.Of(dataset, new PipelineCell("toy", PipelineVariant.Full, PipelineCell.KShot, 4, 0));
        Assert.Equal(4, data!.Dev.Count);
    }

    [Fact]
    public void A_class_with_fewer_than_k_examples_skips_the_cell_with_the_reason()
    {
        var dataset = PipelineBenchData.Binary(perClassTrain: 3, perClassDev: 3);
        var (data, skip) = PipelineSplits.Of(dataset, new PipelineCell("toy", PipelineVariant.Full, PipelineCell.KShot, 8, 0));
        Assert.Null(data);
        Assert.Contains("fewer than 8", skip, StringComparison.Ordinal);
    }

    [Fact]
    public void Official_cells_use_the_numbered_train_and_dev_splits()
    {
        var baseSet = PipelineBenchData.Binary(perClassTrain: 4, perClassDev: 4);
        var train1 = new List<Example> { new("a", null, 0), new("b", null, 1) };
        var dev1 = new List<Example> { new("c", null, 0), new("d", null, 1) };
        var dataset = baseSet with { ExtraSplits = new Dictionary<string, IReadOnlyList<Example>> { ["train_1"] = train1, ["dev_1"] = dev1 } };

        var (data, _) = PipelineSplits.Of(dataset, new PipelineCell("toy", PipelineVariant.Full, PipelineCell.Official, 0, 1));
        Assert.Same(train1, data!.Train);
        Assert.Same(dev1, data.Dev);
        Assert.Contains("train_2", PipelineSplits.Of(dataset, new PipelineCell("toy", PipelineVariant.Full, PipelineCell.Official, 0, 2)).SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_end_to_end_pool_is_topped_up_with_unsampled_training_text_without_labels()
    {
        var dataset = PipelineBenchData.Binary(perClassTrain: 10, perClassDev: 4, pool: 6);
        var (data, _) = PipelineSplits.Of(dataset, new PipelineCell("toy", PipelineVariant.Full, PipelineCell.KShot, 4, 0));

        var pool = EndToEndSetup.TopUp(dataset, data!, 15, out int fromTrain);
        Assert.Equal(15, pool.Count);
        Assert.Equal(9, fromTrain);
        Assert.All(pool, e => Assert.False(e.IsLabeled));
        Assert.Empty(pool.Select(e => e.Text).Intersect(data!.Train.Select(e => e.Text)));
        Assert.Equal(6, EndToEndSetup.TopUp(dataset, data!, 6, out int none).Count);
        Assert.Equal(0, none);
    }
}
