using Gts.Core.Compute;
using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>Level 1 for one request in one pool: filter the nodes, score them, pick devices. Returns the
/// allocation without reserving it, or null when the request does not fit now. Gangs are all or nothing and
/// take the fewest switches and nodes; a share of one GPU goes where it fragments least (or fits best).</summary>
public static class GangPlacer
{
    public static Allocation? TryPlace(ReservationBoard board, ResourceRequest request, int gpus, int pool,
        PlacementScoring scoring = PlacementScoring.BestFit, WorkloadMix? mix = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(request);
        var filter = new NodeFilter(board.Layout, request, gpus);
        if (request.IsFractional || gpus == 0)
            return SharePlacer.TryPlace(board, request, filter, pool, scoring == PlacementScoring.Fragmentation ? mix : null);
        int tp = request.Gang.TensorParallel;
        if (request.Gang.Nodes is int nodes && nodes > 1)
            return TryPlaceOnExactNodes(board, filter, gpus, nodes, tp, pool);
        if (gpus <= board.Layout.MaxGpusPerNode)
        {
            var one = TryPlaceOnOneNode(board, filter, gpus, pool, scoring == PlacementScoring.Fragmentation ? mix : null);
            if (one is not null || request.Gang.Nodes == 1) return one;
        }
        return TryPlaceAcrossNodes(board, filter, gpus, tp, request.Gang.StagesUnderOneSwitch ? tp * request.Gang.PipelineStages : 0, pool);
    }

    private static Allocation? TryPlaceOnOneNode(ReservationBoard board, NodeFilter filter, int gpus, int pool, WorkloadMix? mix)
    {
        var layout = board.Layout;
        if (mix is null && filter.NeedsNoHostResources) return FirstInLowestBucket(board, filter, gpus, pool);
        int best = -1;
        double bestScore = double.MaxValue;
        int end = layout.PoolFirstNode[pool] + layout.PoolNodeCount[pool];
        for (int n = layout.PoolFirstNode[pool]; n < end; n++)
        {
            if (board.NodeWhole[n] < gpus || !filter.Admits(n) || filter.Capacity(board, n, gpus, gpus) < gpus) continue;
            double score = board.NodeWhole[n] - gpus + (board.FreeCpu[n] - filter.CpuFor(gpus)) / (double)Math.Max(1, layout.NodeCpu[n]);
            if (mix is not null) score = FragmentDelta(board, n, gpus, filter.CpuFor(gpus), mix) * 1e3 + score;
            if (score < bestScore) { bestScore = score; best = n; }
        }
        if (best < 0) return null;
        return new Allocation(pool, [new NodeShare(best, filter.CpuFor(gpus), filter.MemoryFor(gpus), GpuPicker.PickWhole(board, best, gpus), 1000)]);
    }

    // Best fit without CPU or memory to weigh: the node with the fewest wholly free GPUs that still holds the gang,
    // lowest index first; found from the per-count bit sets instead of a scan over every node.
    private static Allocation? FirstInLowestBucket(ReservationBoard board, NodeFilter filter, int gpus, int pool)
    {
        var layout = board.Layout;
        int first = layout.PoolFirstNode[pool], end = first + layout.PoolNodeCount[pool];
        for (int k = gpus; k < board.WholeBuckets.Length; k++)
        {
            var words = board.WholeBuckets[k];
            for (int w = first >> 6; w <= (end - 1) >> 6 && w < words.Length; w++)
            {
                ulong bits = words[w];
                while (bits != 0)
                {
                    int n = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (n < first || n >= end || !filter.Admits(n)) continue;
                    return new Allocation(pool, [new NodeShare(n, 0, 0, GpuPicker.PickWhole(board, n, gpus), 1000)]);
                }
            }
        }
        return null;
    }

    private static double FragmentDelta(ReservationBoard board, int node, int gpus, int cpu, WorkloadMix mix)
    {
        var layout = board.Layout;
        var free = board.GpuFree.AsSpan(layout.NodeGpuStart[node], layout.NodeGpuCount[node]);
        double before = mix.Fragment(free, board.FreeCpu[node]);
        Span<int> after = stackalloc int[free.Length];
        free.CopyTo(after);
        for (int i = 0, taken = 0; i < after.Length && taken < gpus; i++)
            if (after[i] == 1000) { after[i] = 0; taken++; }
        return mix.Fragment(after, board.FreeCpu[node] - cpu) - before;
    }

    private static Allocation? TryPlaceAcrossNodes(ReservationBoard board, NodeFilter filter, int gpus, int unit, int pipeline, int pool)
    {
        var layout = board.Layout;
        var switches = layout.PoolSwitches[pool];
        var capacity = new int[switches.Length];
        int total = 0;
        for (int i = 0; i < switches.Length; i++)
        {
            foreach (int n in layout.SwitchNodes[switches[i]])
                if (filter.Admits(n)) capacity[i] += filter.Capacity(board, n, unit, gpus);
            if (pipeline > 0) capacity[i] = capacity[i] / pipeline * pipeline;
            total += capacity[i];
        }
        if (total < gpus) return null;
        int single = -1;
        for (int i = 0; i < switches.Length; i++)
            if (capacity[i] >= gpus && (single < 0 || capacity[i] < capacity[single])) single = i;
        var shares = new List<NodeShare>();
        if (single >= 0)
        {
            TakeFromSwitch(board, filter, switches[single], gpus, unit, gpus, shares);
            return new Allocation(pool, shares);
        }
        int remaining = gpus;
        foreach (int i in Enumerable.Range(0, switches.Length).OrderByDescending(i => capacity[i]).ThenBy(i => i))
        {
            if (remaining == 0) break;
            int take = Math.Min(capacity[i], remaining);
            if (pipeline > 0) take = take / pipeline * pipeline;
            if (take == 0) continue;
            TakeFromSwitch(board, filter, switches[i], take, unit, gpus, shares);
            remaining -= take;
        }
        return remaining == 0 ? new Allocation(pool, shares) : null;
    }

    // Fewest nodes: the smallest node that covers the rest when there is one, else the largest.
    private static void TakeFromSwitch(ReservationBoard board, NodeFilter filter, int sw, int amount, int unit, int gpus, List<NodeShare> shares)
    {
        var candidates = new List<(int Node, int Cap)>();
        foreach (int n in board.Layout.SwitchNodes[sw])
        {
            if (!filter.Admits(n)) continue;
            int cap = filter.Capacity(board, n, unit, gpus);
            if (cap > 0) candidates.Add((n, cap));
        }
        while (amount > 0)
        {
            int pick = -1;
            for (int i = 0; i < candidates.Count; i++)
                if (candidates[i].Cap >= amount && (pick < 0 || candidates[i].Cap < candidates[pick].Cap)) pick = i;
            if (pick < 0)
                for (int i = 0; i < candidates.Count; i++)
                    if (pick < 0 || candidates[i].Cap > candidates[pick].Cap) pick = i;
            var (node, c) = candidates[pick];
            int take = Math.Min(c, amount);
            shares.Add(new NodeShare(node, filter.CpuFor(take), filter.MemoryFor(take), GpuPicker.PickWhole(board, node, take), 1000));
            candidates.RemoveAt(pick);
            amount -= take;
        }
    }

    private static Allocation? TryPlaceOnExactNodes(ReservationBoard board, NodeFilter filter, int gpus, int nodes, int tp, int pool)
    {
        if (gpus % nodes != 0) return null;
        int per = gpus / nodes;
        if (per % tp != 0) return null;
        var layout = board.Layout;
        var bySwitch = new List<List<int>>();
        foreach (int sw in layout.PoolSwitches[pool])
        {
            var fit = new List<int>();
            foreach (int n in layout.SwitchNodes[sw])
                if (filter.Admits(n) && filter.Capacity(board, n, per, per) >= per) fit.Add(n);
            fit.Sort((a, b) => board.NodeWhole[a].CompareTo(board.NodeWhole[b]));
            bySwitch.Add(fit);
        }
        var chosen = new List<int>();
        var one = bySwitch.Where(f => f.Count >= nodes).OrderBy(f => f.Count).FirstOrDefault();
        if (one is not null) chosen.AddRange(one.Take(nodes));
        else
            foreach (var f in bySwitch.OrderByDescending(f => f.Count))
                chosen.AddRange(f.Take(nodes - chosen.Count));
        if (chosen.Count < nodes) return null;
        var shares = chosen.Select(n => new NodeShare(n, filter.CpuFor(per), filter.MemoryFor(per), GpuPicker.PickWhole(board, n, per), 1000)).ToArray();
        return new Allocation(pool, shares);
    }
}
