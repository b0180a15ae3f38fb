using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>Chooses which wholly free GPUs of a node a placement takes: inside one interconnect group when one
/// has room (the smallest such group, to keep big groups whole), otherwise from the fullest-free groups first.</summary>
internal static class GpuPicker
{
    public static int[] PickWhole(ReservationBoard board, int node, int k)
    {
        var layout = board.Layout;
        int start = layout.NodeGpuStart[node], count = layout.NodeGpuCount[node];
        Span<int> groupFree = stackalloc int[count];
        groupFree.Clear();
        for (int i = 0; i < count; i++)
            if (board.GpuFree[start + i] == 1000) groupFree[Math.Min(layout.GpuGroup[start + i], count - 1)]++;
        int bestGroup = -1;
        for (int g = 0; g < count; g++)
            if (groupFree[g] >= k && (bestGroup < 0 || groupFree[g] < groupFree[bestGroup])) bestGroup = g;
        var picked = new int[k];
        int n = 0;
        if (bestGroup >= 0)
        {
            for (int i = 0; i < count && n < k; i++)
                if (board.GpuFree[start + i] == 1000 && Math.Min(layout.GpuGroup[start + i], count - 1) == bestGroup) picked[n++] = i;
            return picked;
        }
        while (n < k)
        {
            int g = 0;
            for (int j = 1; j < count; j++) if (groupFree[j] > groupFree[g]) g = j;
            if (groupFree[g] == 0) throw new InvalidOperationException($"node {node} has fewer than {k} free GPUs");
            for (int i = 0; i < count && n < k; i++)
                if (board.GpuFree[start + i] == 1000 && Math.Min(layout.GpuGroup[start + i], count - 1) == g && Array.IndexOf(picked, i, 0, n) < 0) picked[n++] = i;
            groupFree[g] = 0;
        }
        return picked;
    }
}
