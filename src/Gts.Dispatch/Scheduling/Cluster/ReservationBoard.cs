namespace Gts.Dispatch.Scheduling.Cluster;

/// <summary>The scratch copy of a snapshot that one cycle reserves on ("assume" in the Kubernetes scheduler):
/// reservations and releases are journalled so that a gang, a batch or a preemption attempt can be rolled back.</summary>
public sealed class ReservationBoard
{
    private readonly List<(Allocation Allocation, int Sign)> _journal = [];

    public ReservationBoard(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Layout = snapshot.Layout;
        FreeCpu = (int[])snapshot.FreeCpu.Clone();
        FreeMemory = (long[])snapshot.FreeMemory.Clone();
        GpuFree = (int[])snapshot.GpuFreeMilli.Clone();
        NodeWhole = new int[Layout.NodeCount];
        int words = (Layout.NodeCount + 63) / 64;
        WholeBuckets = new ulong[Layout.MaxGpusPerNode + 1][];
        for (int k = 0; k < WholeBuckets.Length; k++) WholeBuckets[k] = new ulong[words];
        for (int n = 0; n < Layout.NodeCount; n++)
        {
            NodeWhole[n] = CountWhole(n);
            WholeBuckets[NodeWhole[n]][n >> 6] |= 1UL << (n & 63);
        }
    }

    /// <summary>Per count k of wholly free GPUs, a bit set of the nodes that have exactly k: best fit for k GPUs
    /// is the lowest set bit in the lowest bucket ≥ k that passes the filters, without scanning every node.</summary>
    internal ulong[][] WholeBuckets { get; }

    public ClusterLayout Layout { get; }
    internal int[] FreeCpu { get; }
    internal long[] FreeMemory { get; }
    internal int[] GpuFree { get; }

    /// <summary>Wholly free GPUs per node, kept in step with <see cref="GpuFree"/>.</summary>
    internal int[] NodeWhole { get; }

    /// <summary>Releases not rolled back; a request that failed at one count fails again until it changes, since
    /// in between the board only loses capacity.</summary>
    public int ReleaseCount { get; private set; }

    /// <summary>Position in the journal to roll back to.</summary>
    public int Mark => _journal.Count;

    /// <summary>Takes an allocation; throws when it does not fit (a placer bug).</summary>
    public void Reserve(Allocation allocation)
    {
        Apply(allocation, -1);
        _journal.Add((allocation, -1));
    }

    /// <summary>Gives back an allocation (a preemption victim or a shrinking step).</summary>
    public void Release(Allocation allocation)
    {
        Apply(allocation, +1);
        _journal.Add((allocation, +1));
        ReleaseCount++;
    }

    /// <summary>Undoes every reservation and release after <paramref name="mark"/>.</summary>
    public void Rollback(int mark)
    {
        for (int i = _journal.Count - 1; i >= mark; i--)
        {
            var (a, sign) = _journal[i];
            Apply(a, -sign);
            if (sign > 0) ReleaseCount--;
            _journal.RemoveAt(i);
        }
    }

    /// <summary>Wholly free GPUs on nodes of pool <paramref name="pool"/> (all pools for -1).</summary>
    public int WholeFree(int pool = -1)
    {
        int n = 0;
        for (int i = 0; i < NodeWhole.Length; i++)
            if (pool < 0 || Layout.NodePool[i] == pool) n += NodeWhole[i];
        return n;
    }

    private void Apply(Allocation a, int sign)
    {
        foreach (var s in a.Shares)
        {
            FreeCpu[s.Node] += sign * s.CpuMilli;
            FreeMemory[s.Node] += sign * s.MemoryMib;
            if (FreeCpu[s.Node] < 0 || FreeMemory[s.Node] < 0)
                throw new InvalidOperationException($"node {s.Node}: CPU or memory over-reserved");
            int start = Layout.NodeGpuStart[s.Node];
            foreach (int g in s.Gpus)
            {
                int v = GpuFree[start + g] += sign * s.GpuMilli;
                if (v is < 0 or > 1000) throw new InvalidOperationException($"node {s.Node} GPU {g}: free share {v} outside 0..1000");
            }
            int before = NodeWhole[s.Node], after = CountWhole(s.Node);
            if (before != after)
            {
                WholeBuckets[before][s.Node >> 6] &= ~(1UL << (s.Node & 63));
                WholeBuckets[after][s.Node >> 6] |= 1UL << (s.Node & 63);
                NodeWhole[s.Node] = after;
            }
        }
    }

    private int CountWhole(int node)
    {
        int start = Layout.NodeGpuStart[node], n = 0;
        for (int i = 0; i < Layout.NodeGpuCount[node]; i++) if (GpuFree[start + i] == 1000) n++;
        return n;
    }
}
