using Gts.Core.Compute;

namespace Gts.Dispatch.Orchestration;

/// <summary>The minimal placement: pending steps in the given order, each on the first pool (by priority,
/// then cost) with enough nodes that each have the step's per-node CPUs, memory and lowest free GPUs. Later
/// steps may pass an earlier one that does not fit yet (greedy fill, no reservations).</summary>
public sealed class FirstFitPlacement : IPlacementPolicy
{
    private sealed class Free(ComputeNode node)
    {
        public int CpuMilli = node.CpuMilli;
        public long MemoryMib = node.MemoryMib;
        public readonly SortedSet<int> Gpus = new(node.Gpus.Select(g => g.Index));
    }

    public IReadOnlyList<PlacementDecision> Place(PlacementSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var free = snapshot.Pools.ToDictionary(p => p.Name, p => p.Nodes.ToDictionary(n => n.Name, n => new Free(n), StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var used in snapshot.Running.Select(r => r.Placement).OfType<Placement>())
            foreach (var a in used.Nodes)
                if (free.TryGetValue(a.Pool, out var nodes) && nodes.TryGetValue(a.Node, out var f))
                {
                    f.CpuMilli -= a.CpuMilli;
                    f.MemoryMib -= a.MemoryMib;
                    f.Gpus.ExceptWith(a.GpuIndices);
                }
        var pools = snapshot.Pools.OrderBy(p => p.Priority).ThenBy(p => p.CostPerGpuHour).ToList();
        var decisions = new List<PlacementDecision>(snapshot.Pending.Count);
        foreach (var step in snapshot.Pending)
        {
            var r = step.Resources;
            var candidates = pools.Where(p => step.Pool is null || p.Name == step.Pool).ToList();
            if (!candidates.Any(p => p.Nodes.Count(n => n.CpuMilli >= r.Cpus * 1000 && n.MemoryMib >= r.MemoryMb && n.Gpus.Count >= r.Gpus) >= r.Nodes))
            {
                decisions.Add(new PlacementDecision(step.Key, null, NeverSchedulable: true,
                    Reason: step.Pool is not null && candidates.Count == 0 ? $"there is no pool named '{step.Pool}'"
                        : $"no pool has {r.Nodes} node(s) with {r.Cpus} CPUs, {r.MemoryMb} MB and {r.Gpus} GPUs each"));
                continue;
            }
            Placement? placement = null;
            foreach (var pool in candidates)
            {
                var fit = pool.Nodes.Select(n => (n.Name, F: free[pool.Name][n.Name]))
                    .Where(x => x.F.CpuMilli >= r.Cpus * 1000 && x.F.MemoryMib >= r.MemoryMb && x.F.Gpus.Count >= r.Gpus)
                    .Take(r.Nodes).ToList();
                if (fit.Count < r.Nodes) continue;
                var allocations = new List<NodeAllocation>();
                foreach (var (name, f) in fit)
                {
                    var gpus = f.Gpus.Take(r.Gpus).ToList();
                    f.CpuMilli -= r.Cpus * 1000;
                    f.MemoryMib -= r.MemoryMb;
                    f.Gpus.ExceptWith(gpus);
                    allocations.Add(new NodeAllocation(pool.Name, name, r.Cpus * 1000, r.MemoryMb, gpus));
                }
                placement = new Placement(pool.Name, allocations);
                break;
            }
            decisions.Add(new PlacementDecision(step.Key, placement, Reason: placement is null ? "waiting for resources" : null));
        }
        return decisions;
    }
}
