using FsCheck;
using FsCheck.Fluent;
using Gts.Core.Compute;
using Gts.Core.Runs;
using Gts.Dispatch.Orchestration;

namespace Gts.Dispatch.Tests.Orchestration;

public sealed class FirstFitPlacementTests
{
    private static readonly ComputePool Pool = new("p", PoolKind.Local, 0, 0,
        [new NetworkSwitch("s", Enumerable.Range(0, 3).Select(i => ComputeNode.Uniform($"n{i}", 4, "a100", 40_000, 8000, 64_000)).ToList())]);

    private static PendingStep Step(int i, int gpus, int nodes = 1, int cpus = 1) =>
        new($"s{i}", new StepResources(cpus, 0, gpus, nodes), null, "t", "q", 0, DateTimeOffset.UnixEpoch);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Placements_never_exceed_capacity_and_gangs_are_all_or_nothing()
    {
        var gen = Gen.Choose(0, 5).Zip(Gen.Choose(1, 3)).ListOf();
        return Prop.ForAll(gen.ToArbitrary(), requests =>
        {
            var pending = requests.Select((r, i) => Step(i, r.Item1, r.Item2)).ToList();
            var decisions = new FirstFitPlacement().Place(new PlacementSnapshot([Pool], [], pending, DateTimeOffset.UnixEpoch));
            var used = new Dictionary<(string, int), int>();
            var cpus = new Dictionary<string, int>();
            foreach (var d in decisions.Where(d => d.Placement is not null))
            {
                var want = pending.Single(p => p.Key == d.Key).Resources;
                if (d.Placement!.Nodes.Count != want.Nodes || d.Placement.Nodes.Select(n => n.Node).Distinct().Count() != want.Nodes) return false;
                foreach (var n in d.Placement.Nodes)
                {
                    if (n.GpuIndices.Count != want.Gpus) return false;
                    foreach (var g in n.GpuIndices) used[(n.Node, g)] = used.GetValueOrDefault((n.Node, g)) + 1;
                    cpus[n.Node] = cpus.GetValueOrDefault(n.Node) + n.CpuMilli;
                }
            }
            return used.Values.All(v => v == 1) && cpus.Values.All(c => c <= 8000) && used.Keys.All(k => k.Item2 is >= 0 and < 4);
        });
    }

    [Fact]
    public void A_request_no_pool_can_ever_hold_is_never_schedulable()
    {
        var d = new FirstFitPlacement().Place(new PlacementSnapshot([Pool], [], [Step(0, 5), Step(1, 1, nodes: 4), Step(2, 4)], DateTimeOffset.UnixEpoch));
        Assert.Equal([true, true, false], d.Select(x => x.NeverSchedulable));
        Assert.NotNull(d[2].Placement);
    }

    [Fact]
    public void Running_placements_are_respected()
    {
        var busy = Step(9, 4) with { Placement = new Placement("p", [new NodeAllocation("p", "n0", 1000, 0, [0, 1, 2, 3])]) };
        var d = new FirstFitPlacement().Place(new PlacementSnapshot([Pool], [busy], [Step(0, 4)], DateTimeOffset.UnixEpoch));
        Assert.Equal("n1", d[0].Placement!.Nodes[0].Node);
    }
}
