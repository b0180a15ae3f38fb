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
        for (int n = 0; n < Layout.NodeCount; n++) NodeWhole[n] = CountWhole(n);
    }

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
            NodeWhole[s.Node] = CountWhole(s.Node);
        }
    }

    private int CountWhole(int node)
    {
        int start = Layout.NodeGpuStart[node], n = 0;
        for (int i = 0; i < Layout.NodeGpuCount[node]; i++) if (GpuFree[start + i] == 1000) n++;
        return n;
    }
}
