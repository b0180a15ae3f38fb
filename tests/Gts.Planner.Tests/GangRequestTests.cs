using Gts.Core.Compute;
using Gts.Core.Errors;
using Gts.Planner.Gangs;
using Gts.Planner.Hardware;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Search;
using Gts.Planner.Timing;

namespace Gts.Planner.Tests;

public sealed class GangRequestTests
{
    [Fact]
    public void A_plan_becomes_a_gang_with_TP_groups_in_nodes_and_pipelines_under_a_switch()
    {
        var cluster = ClusterPresets.Find("dgx-a100-80gb:64")!;
        var plan = PlanSearch.Rank(ModelPresets.Find("gpt-145b")!, cluster, new TrainingSettings(2048), EfficiencyParameters.Default, 1).Top[0];
        var request = GangRequests.From(plan, cluster);
        Assert.Equal(512, request.Gpus);
        Assert.Equal(plan.Config.Tp, request.Gang.TensorParallel);
        Assert.Equal(plan.Config.Pp, request.Gang.PipelineStages);
        Assert.Equal(64, request.Gang.Nodes);
        Assert.Equal(["A100-80GB"], request.GpuTypes);
        Assert.True(request.MinGpuMemoryMib * 1024.0 * 1024 >= plan.Memory.Total);
        Assert.Equal(plan.Config.Pp > 1, request.Gang.StagesUnderOneSwitch);
    }

    [Fact]
    public void A_pipeline_longer_than_a_switch_is_not_pinned_under_one()
    {
        var cluster = ClusterPresets.Find("dgx-a100-80gb:384")!;
        var config = new ParallelConfig(6, 8, 64, 1, 1, 0, Recompute.Full, false, PipelineSchedule.OneFOneB);
        var plan = new RankedPlan(config, default, default, 1, 1, 0.5);
        Assert.False(GangRequests.From(plan, cluster).Gang.StagesUnderOneSwitch);
    }

    [Fact]
    public void The_dispatchers_topology_is_read_as_a_planner_cluster()
    {
        var topology = ClusterTopology.Uniform(switches: 3, nodesPerSwitch: 4, gpusPerNode: 8, gpuType: "A100-80GB", gpuMemoryMib: 81920);
        var cluster = TopologyCluster.From(topology);
        Assert.Equal((12, 8, 4), (cluster.Nodes, cluster.GpusPerNode, cluster.NodesPerSwitch));
        Assert.Equal("A100-80GB", cluster.Gpu.Name);
        var v100 = TopologyCluster.From(ClusterTopology.Uniform(1, 2, 8));
        Assert.Equal("V100-32GB", v100.Gpu.Name);
    }

    [Fact]
    public void An_unknown_gpu_in_the_topology_names_the_field()
    {
        var e = Assert.Throws<GtsException>(() => TopologyCluster.From(ClusterTopology.Uniform(1, 1, 8, gpuType: "MI300X")));
        Assert.Equal("gpu type", e.Location!.Field);
    }
}
