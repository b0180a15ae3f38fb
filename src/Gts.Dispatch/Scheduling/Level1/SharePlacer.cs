using Gts.Core.Compute;
using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>Places a share of one GPU (GPU sharing by memory fraction) or a CPU-only request on one node.
/// Without a mix: best fit (least capacity left on the node, then the fullest GPU that fits). With a mix:
/// the least growth of fragmentation (FGD), best fit breaking ties.</summary>
internal static class SharePlacer
{
    public static Allocation? TryPlace(ReservationBoard board, ResourceRequest request, NodeFilter filter, int pool, WorkloadMix? mix)
    {
        var layout = board.Layout;
        bool cpuOnly = request.Gpus == 0;
        int milli = cpuOnly ? 0 : request.GpuMilli;
        int bestNode = -1, bestGpu = -1;
        double bestScore = double.MaxValue;
        int end = layout.PoolFirstNode[pool] + layout.PoolNodeCount[pool];
        Span<int> after = stackalloc int[Math.Max(1, layout.MaxGpusPerNode)];
        for (int n = layout.PoolFirstNode[pool]; n < end; n++)
        {
            if (board.FreeCpu[n] < request.CpuMilli || board.FreeMemory[n] < request.MemoryMib) continue;
            int start = layout.NodeGpuStart[n], count = layout.NodeGpuCount[n];
            var free = board.GpuFree.AsSpan(start, count);
            int nodeFree = 0;
            foreach (int f in free) nodeFree += f;
            double cpuLeft = (board.FreeCpu[n] - request.CpuMilli) / (double)Math.Max(1, layout.NodeCpu[n]);
            double before = mix is null ? 0 : mix.Fragment(free, board.FreeCpu[n]);
            if (cpuOnly)
            {
                double score = cpuLeft + (count == 0 ? 0 : 1e-3 * nodeFree / count);
                if (mix is not null) score += 1e3 * (mix.Fragment(free, board.FreeCpu[n] - request.CpuMilli) - before);
                if (score < bestScore) { bestScore = score; bestNode = n; }
                continue;
            }
            if (!filter.Admits(n) || milli * layout.NodeGpuMemory[n] / 1000 < filter.MinShareMemory) continue;
            for (int i = 0; i < count; i++)
            {
                if (free[i] < milli) continue;
                double score = (nodeFree - milli) / (1000.0 * count) + cpuLeft + 1e-6 * (free[i] - milli);
                if (mix is not null)
                {
                    var a = after[..count];
                    free.CopyTo(a);
                    a[i] -= milli;
                    score += 1e3 * (mix.Fragment(a, board.FreeCpu[n] - request.CpuMilli) - before);
                }
                if (score < bestScore) { bestScore = score; bestNode = n; bestGpu = i; }
            }
        }
        if (bestNode < 0) return null;
        int[] gpus = cpuOnly ? [] : [bestGpu];
        return new Allocation(pool, [new NodeShare(bestNode, request.CpuMilli, request.MemoryMib, gpus, cpuOnly ? 1000 : milli)]);
    }
}
