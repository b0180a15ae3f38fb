using Gts.Planner.Story;
using Gts.Planner.Timing;
using Gts.Planner.Validation;

namespace Gts.Planner.Tests;

public sealed class ValidationTests
{
    private static PublishedRun Row(string id, string hw = "A100-80GB", string source = "Narayanan et al. 2021") => new()
    {
        Id = id, Line = 2, Layers = 24, Hidden = 2304, Heads = 24, FfnHidden = 9216, SeqLen = 2048, Vocab = 51200,
        Hardware = hw, Accelerators = 32, GpusPerNode = 8, Tp = 1, Pp = 1, ZeroStage = 0, ActivationRecompute = "full",
        MicroBatch = 16, GlobalBatch = 512, TflopsPerGpu = 137, Source = source,
    };

    [Fact]
    public void Split_alternates_over_ids_sorted_ordinally()
    {
        string[] ids = ["c", "a", "d", "b"];
        Assert.True(Validator.IsCalibration("a", ids));
        Assert.False(Validator.IsCalibration("b", ids));
        Assert.True(Validator.IsCalibration("c", ids));
        Assert.False(Validator.IsCalibration("d", ids));
    }

    [Fact]
    public void A_complete_row_is_reconstructed_with_its_published_layout()
    {
        var run = RunReconstruction.TryBuild(Row("x"), out _)!;
        Assert.Equal((32, 1, 1, 16), (run.Config.Dp, run.Config.Tp, run.Config.Pp, run.Config.MicroBatch));
        Assert.Equal(FlopConvention.MegatronEq3, run.Convention);
        Assert.False(run.Settings.FusedAttention);
        Assert.Equal("", run.Filled);
    }

    [Fact]
    public void Rows_without_a_layout_or_on_TPUs_are_skipped_with_a_reason()
    {
        Assert.Null(RunReconstruction.TryBuild(Row("t", hw: "TPUv4"), out string tpu));
        Assert.Contains("TPUv4", tpu, StringComparison.Ordinal);
        Assert.Null(RunReconstruction.TryBuild(Row("g") with { GlobalBatch = null }, out string batch));
        Assert.Contains("global batch", batch, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_lowers_the_error_on_the_rows_it_is_fitted_to()
    {
        var runs = new[] { Row("a"), Row("b") with { TflopsPerGpu = 120, MicroBatch = 8 } }
            .Select(r => RunReconstruction.TryBuild(r, out _)!).ToList();
        double before = Calibrator.Error(runs, EfficiencyParameters.Default);
        double after = Calibrator.Error(runs, Calibrator.Fit(runs, EfficiencyParameters.Default));
        Assert.True(after < before);
    }

    [Fact]
    public void Bert_story_infers_the_network_from_the_60_percent_all_reduce_and_has_the_talks_five_steps()
    {
        var steps = BertStory.Run(EfficiencyParameters.Default);
        Assert.Equal([1, 1.56, 5.28, 7.75, 8.45], steps.Select(s => s.TalkRelative));
        Assert.Equal(1, steps[0].Relative, 9);
        Assert.Equal(0.60, steps[0].GradientSyncShare, 3);
        Assert.True(steps[2].GradientSyncShare < steps[1].GradientSyncShare);
    }
}
