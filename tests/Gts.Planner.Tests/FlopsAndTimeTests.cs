using Gts.Planner.Hardware;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Timing;

namespace Gts.Planner.Tests;

public sealed class FlopsAndTimeTests
{
    [Fact]
    public void Megatron_formula_matches_a_hand_computed_GPT3_iteration()
    {
        // 96·1536·2048·96·12288²·(1 + 2048/(6·12288) + 51200/(16·96·12288)), evaluated by hand.
        double expected = 96.0 * 1536 * 2048 * 96 * 12288.0 * 12288 * (1 + 2048.0 / 73728 + 51200.0 / 18874368);
        Assert.Equal(expected, ModelFlops.Megatron(1536, 2048, 96, 12288, 51200), 1e-9 * expected);
        Assert.Equal(4.5e18, expected, 0.1e18);
    }

    [Fact]
    public void Layer_by_layer_count_with_full_recompute_equals_the_Megatron_formula()
    {
        var gpt3 = ModelPresets.Find("gpt3-175b")!;
        double formula = ModelFlops.Megatron(1536, gpt3.SeqLength, gpt3.Layers, gpt3.Hidden, gpt3.Vocab);
        Assert.Equal(formula, ModelFlops.Hardware(gpt3, 1536, Recompute.Full), 1e-9 * formula);
        Assert.Equal(formula * 0.75, ModelFlops.Model(gpt3, 1536), 0.01 * formula);
    }

    [Fact]
    public void Preset_parameter_counts_match_the_published_sizes()
    {
        Assert.Equal(1008, ModelPresets.Find("gpt-1t")!.ParamCount / 1e9, 2.0);
        Assert.Equal(175, ModelPresets.Find("gpt3-175b")!.ParamCount / 1e9, 1.5);
        Assert.Equal(3.9, ModelPresets.Find("bert-3.9b")!.ParamCount / 1e9, 0.1);
        Assert.Equal(65.2, ModelPresets.Find("llama-65b")!.ParamCount / 1e9, 0.6);
    }

    private static readonly ClusterSpec FreeLinks = ClusterPresets.Find("dgx-a100-80gb:8")! with
    {
        IntraNode = new LinkSpec(1e30, 0), InterNode = new LinkSpec(1e30, 0),
    };

    [Fact]
    public void Terms_add_up_and_interleaving_halves_the_bubble_when_sends_are_free()
    {
        var model = ModelPresets.Find("gpt-39b")!;
        var settings = new TrainingSettings(64, FusedAttention: false);
        var plain = ParallelConfig.Simple(2, 8, 4, 1);
        var interleaved = plain with { VirtualStages = 2, Schedule = PipelineSchedule.Interleaved };
        var a = TimeModel.Estimate(model, FreeLinks, plain, settings, EfficiencyParameters.Default);
        var b = TimeModel.Estimate(model, FreeLinks, interleaved, settings, EfficiencyParameters.Default);
        Assert.Equal(a.Terms.Sum(t => t.Seconds), a.Total, 12);
        Assert.Equal(a.Bubble / 2, b.Bubble, 1e-9 * a.Bubble);
        // (p−1)/m of the pipeline's per-micro-batch work, logits (last stage only) excluded.
        int m = plain.MicroBatches(64);
        double slot = (a.Compute + a.Elementwise + a.Recompute + a.TensorParallel + a.PipelineP2P) / m;
        Assert.True(a.Bubble / (m * slot) <= 3.0 / m && a.Bubble / (m * slot) > 0.8 * 3.0 / m);
    }

    [Fact]
    public void Data_parallel_sync_vanishes_without_data_parallelism_and_grows_with_slower_links()
    {
        var model = ModelPresets.Find("gpt-1.7b")!;
        var settings = new TrainingSettings(16);
        var single = TimeModel.Estimate(model, FreeLinks with { Nodes = 1, GpusPerNode = 1 }, ParallelConfig.Simple(1, 1, 1, 16), settings, EfficiencyParameters.Default);
        Assert.Equal(0, single.DataParallelFull);
        var slow = ClusterPresets.Find("dgx-a100-80gb:2")! with { InterNode = new LinkSpec(1e9, 1e-5) };
        var fast = ClusterPresets.Find("dgx-a100-80gb:2")!;
        var c = ParallelConfig.Simple(16, 1, 1, 1);
        Assert.True(TimeModel.Estimate(model, slow, c, settings, EfficiencyParameters.Default).DataParallelFull
                    > TimeModel.Estimate(model, fast, c, settings, EfficiencyParameters.Default).DataParallelFull);
    }
}
