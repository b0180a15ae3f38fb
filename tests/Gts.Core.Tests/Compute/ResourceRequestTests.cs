using Gts.Core.Compute;
using Gts.Core.Errors;

namespace Gts.Core.Tests.Compute;

public sealed class ResourceRequestTests
{
    [Fact]
    public void A_share_is_fractional_and_whole_gpus_are_not()
    {
        Assert.True(ResourceRequest.GpuShare(300).IsFractional);
        Assert.False(ResourceRequest.WholeGpus(1).IsFractional);
        ResourceRequest.GpuShare(300).Validate();
        ResourceRequest.WholeGpus(8).Validate();
    }

    [Theory]
    [InlineData(2, 500, 1, 1, "gpu_milli")]
    [InlineData(1, 0, 1, 1, "gpu_milli")]
    [InlineData(6, 1000, 4, 1, "gang")]
    [InlineData(-1, 1000, 1, 1, "gpus")]
    public void Invalid_requests_name_the_field(int gpus, int milli, int tp, int pp, string field)
    {
        var request = new ResourceRequest { Gpus = gpus, GpuMilli = milli, Gang = new GangShape(tp, pp) };
        var e = Assert.Throws<GtsException>(() => request.Validate("steps.yaml"));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Location?.Field);
        Assert.NotNull(e.Fix);
    }

    [Fact]
    public void Elastic_start_must_lie_in_its_range()
    {
        var request = new ResourceRequest { Gpus = 8, Elastic = new ElasticRange(1, 4) };
        var e = Assert.Throws<GtsException>(() => request.Validate());
        Assert.Equal("elastic", e.Location?.Field);
    }

    [Fact]
    public void Uniform_topology_counts_gpus_and_rejects_duplicate_nodes()
    {
        var topology = ClusterTopology.Uniform(switches: 2, nodesPerSwitch: 8, gpusPerNode: 4);
        Assert.Equal(64, topology.GpuCount);
        Assert.Equal(16, topology.NodeCount);
        topology.Validate();

        var node = ComputeNode.Uniform("a", 4, "T4", 16_000);
        var dup = new ClusterTopology([new ComputePool("p", PoolKind.Local, 0, 0, [new NetworkSwitch("s", [node, node])])]);
        var e = Assert.Throws<GtsException>(() => dup.Validate("pools.yaml"));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
    }
}
