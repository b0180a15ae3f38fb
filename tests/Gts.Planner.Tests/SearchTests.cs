using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gts.Core.Errors;
using Gts.Planner.Hardware;
using Gts.Planner.Memory;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Search;
using Gts.Planner.Timing;

namespace Gts.Planner.Tests;

public sealed class SearchTests
{
    [Property(MaxTest = 40)]
    public Property Every_enumerated_configuration_obeys_the_rules()
    {
        var gen = from nodes in Gen.Elements(1, 2, 3, 4, 6)
                  from layers in Gen.Elements(12, 24, 30)
                  from heads in Gen.Elements(12, 16, 20)
                  from batch in Gen.Elements(8, 24, 64)
                  select (nodes, layers, heads, batch);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var model = new TransformerModel("m", x.layers, 64 * x.heads, x.heads, 256 * x.heads, 1000, 512);
            var cluster = ClusterPresets.Find("dgx-a100-80gb")!.WithNodes(x.nodes);
            var settings = new TrainingSettings(x.batch);
            foreach (var c in PlanSearch.Enumerate(model, cluster, settings, SearchLimits.None))
            {
                int m = c.MicroBatches(x.batch);
                bool ok = c.Gpus == cluster.TotalGpus
                          && c.Tp <= cluster.GpusPerNode && x.heads % c.Tp == 0 && model.FfnHidden % c.Tp == 0
                          && x.layers % c.Pp == 0 && x.batch % c.Dp == 0 && m * c.Dp * c.MicroBatch == x.batch
                          && (c.Schedule != PipelineSchedule.Interleaved || (c.Pp > 1 && m % c.Pp == 0 && (x.layers / c.Pp) % c.VirtualStages == 0))
                          && (c.Pp == 1 || c.ZeroStage <= 1)
                          && (!c.SequenceParallel || c.Tp > 1)
                          && (!c.CpuOffload || c.ZeroStage >= 1);
                if (!ok) return false;
            }
            return true;
        });
    }

    [Fact]
    public void Ranked_plans_fit_in_memory_and_come_fastest_first()
    {
        var model = ModelPresets.Find("gpt-39b")!;
        var cluster = ClusterPresets.Find("dgx-a100-80gb:64")!;
        var settings = new TrainingSettings(1536);
        var result = PlanSearch.Rank(model, cluster, settings, EfficiencyParameters.Default, top: 5);
        Assert.Equal(5, result.Top.Count);
        Assert.True(result.Fitting <= result.Enumerated);
        for (int i = 1; i < result.Top.Count; i++) Assert.True(result.Top[i - 1].SamplesPerSecond >= result.Top[i].SamplesPerSecond);
        Assert.All(result.Top, p => Assert.True(p.Memory.Total <= MemoryModel.Usable(80e9, settings)));
    }

    [Fact]
    public void On_a_time_tie_the_plan_with_less_memory_ranks_first()
    {
        var model = ModelPresets.Find("gpt-145b")!;
        var limits = new SearchLimits { Tp = 8, Pp = 8, MicroBatch = 1, ZeroStage = 1, Recompute = Recompute.Full, SequenceParallel = false, VirtualStages = 1, AllowOffload = false };
        var result = PlanSearch.Rank(model, ClusterPresets.Find("dgx-a100-80gb:64")!, new TrainingSettings(64), EfficiencyParameters.Default, 2, limits);
        Assert.Equal(PipelineSchedule.OneFOneB, result.Top[0].Config.Schedule);
        Assert.Equal(PipelineSchedule.GPipe, result.Top[1].Config.Schedule);
        Assert.True(result.Top[0].Memory.Total < result.Top[1].Memory.Total);
    }

    [Fact]
    public void One_trillion_parameters_on_3072_GPUs_are_ranked()
    {
        var result = PlanSearch.Rank(ModelPresets.Find("gpt-1t")!, ClusterPresets.Find("dgx-a100-80gb:384")!,
            new TrainingSettings(3072), EfficiencyParameters.Default, top: 3);
        Assert.Equal(3072, result.Top[0].Config.Gpus);
        Assert.Equal(8, result.Top[0].Config.Tp);
        Assert.True(result.Top[0].Config.Pp >= 8);
    }

    [Fact]
    public void Published_1T_layout_is_enumerated()
    {
        var configs = PlanSearch.Enumerate(ModelPresets.Find("gpt-1t")!, ClusterPresets.Find("dgx-a100-80gb:384")!,
            new TrainingSettings(3072), SearchLimits.None);
        Assert.Contains(configs, c => c is { Dp: 6, Tp: 8, Pp: 64, MicroBatch: 1, ZeroStage: 0, Recompute: Recompute.Full });
    }

    [Fact]
    public void Explanation_names_both_plans_and_the_terms_that_differ()
    {
        var result = PlanSearch.Rank(ModelPresets.Find("gpt-18b")!, ClusterPresets.Find("dgx-a100-80gb:32")!,
            new TrainingSettings(1024), EfficiencyParameters.Default, top: 2);
        string why = PlanComparison.Explain(result.Top[0], result.Top[1]);
        Assert.Contains(result.Top[0].Config.ToString(), why, StringComparison.Ordinal);
        Assert.Contains("faster", why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_fits_nowhere_is_infeasible_and_says_what_to_do()
    {
        var e = Assert.Throws<GtsException>(() => PlanSearch.Rank(ModelPresets.Find("gpt-1t")!, ClusterPresets.Find("dgx-a100-40gb:1")!,
            new TrainingSettings(8), EfficiencyParameters.Default));
        Assert.Equal(ErrorKind.Infeasible, e.Kind);
        Assert.Equal("nodes", e.Location!.Field);
        Assert.Contains("more GPUs", e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_no_split_divides_is_invalid_input_naming_the_field()
    {
        var model = new TransformerModel("odd", 7, 96, 3, 384, 100, 64);
        var e = Assert.Throws<GtsException>(() => PlanSearch.Rank(model, ClusterPresets.Find("dgx-a100-80gb:1")!,
            new TrainingSettings(3), EfficiencyParameters.Default));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal("global-batch", e.Location!.Field);
    }
}
