namespace Gts.Dispatch.Scheduling.Cluster;

/// <summary>What is: free capacity and the allocation of every running step. The only mutable place of the
/// cluster side; policies read <see cref="Snapshot"/>s of it and <see cref="TryCommit"/> applies their decisions
/// as one unit, or refuses them when the state moved on since the snapshot.</summary>
public sealed class ClusterState
{
    private readonly int[] _freeCpu;
    private readonly long[] _freeMemory;
    private readonly int[] _gpuFree;
    private readonly Dictionary<string, Allocation> _running = new(StringComparer.Ordinal);

    public ClusterState(ClusterLayout layout)
    {
        Layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _freeCpu = (int[])layout.NodeCpu.Clone();
        _freeMemory = (long[])layout.NodeMemory.Clone();
        _gpuFree = new int[layout.GpuCount];
        Array.Fill(_gpuFree, 1000);
    }

    public ClusterLayout Layout { get; }

    /// <summary>Bumped on every change; a snapshot of an older generation is stale.</summary>
    public long Generation { get; private set; }

    /// <summary>Allocations of the steps that hold resources, by step id.</summary>
    public IReadOnlyDictionary<string, Allocation> Running => _running;

    /// <summary>An immutable copy of the current free capacity.</summary>
    public ClusterSnapshot Snapshot() =>
        new(Layout, Generation, (int[])_freeCpu.Clone(), (long[])_freeMemory.Clone(), (int[])_gpuFree.Clone());

    /// <summary>Records that <paramref name="stepId"/> holds <paramref name="allocation"/> (used at start-up to load
    /// what executors report as running). Throws when it does not fit: the state would be inconsistent.</summary>
    public void Add(string stepId, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (_running.ContainsKey(stepId)) throw new InvalidOperationException($"step '{stepId}' already holds resources");
        if (!Fits(allocation)) throw new InvalidOperationException($"allocation of step '{stepId}' exceeds free capacity");
        Apply(allocation, -1);
        _running[stepId] = allocation;
        Generation++;
    }

    /// <summary>Frees what <paramref name="stepId"/> holds; false when it holds nothing.</summary>
    public bool Remove(string stepId)
    {
        if (!_running.Remove(stepId, out var allocation)) return false;
        Apply(allocation, +1);
        Generation++;
        return true;
    }

    /// <summary>Applies a cycle's decisions as one unit: preemptions and shrinks free first, then resizes and
    /// placements take. Returns false and changes nothing when the decisions were made on a stale snapshot.</summary>
    public bool TryCommit(CycleDecisions decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Generation != Generation) return false;
        var undo = new List<(string Id, Allocation? Old, Allocation? New)>();
        try
        {
            foreach (var p in decisions.Preemptions) Swap(p.StepId, null, undo);
            foreach (var r in decisions.Resizes) Swap(r.StepId, null, undo);
            foreach (var r in decisions.Resizes) Swap(r.StepId, r.Allocation, undo);
            foreach (var p in decisions.Placements) Swap(p.StepId, p.Allocation, undo);
        }
        catch (InvalidOperationException)
        {
            for (int i = undo.Count - 1; i >= 0; i--)
            {
                var (id, old, now) = undo[i];
                if (now is not null) { Apply(now, +1); _running.Remove(id); }
                if (old is not null) { Apply(old, -1); _running[id] = old; }
            }
            throw;
        }
        Generation++;
        return true;
    }

    private void Swap(string id, Allocation? next, List<(string, Allocation?, Allocation?)> undo)
    {
        if (next is null)
        {
            if (!_running.Remove(id, out var old)) throw new InvalidOperationException($"step '{id}' is not running");
            Apply(old, +1);
            undo.Add((id, old, null));
            return;
        }
        if (_running.ContainsKey(id)) throw new InvalidOperationException($"step '{id}' is already running");
        if (!Fits(next)) throw new InvalidOperationException($"placement of step '{id}' exceeds free capacity");
        Apply(next, -1);
        _running[id] = next;
        undo.Add((id, null, next));
    }

    private bool Fits(Allocation a)
    {
        foreach (var s in a.Shares)
        {
            if (_freeCpu[s.Node] < s.CpuMilli || _freeMemory[s.Node] < s.MemoryMib) return false;
            foreach (int g in s.Gpus)
                if (g < 0 || g >= Layout.NodeGpuCount[s.Node] || _gpuFree[Layout.NodeGpuStart[s.Node] + g] < s.GpuMilli) return false;
        }
        return true;
    }

    private void Apply(Allocation a, int sign)
    {
        foreach (var s in a.Shares)
        {
            _freeCpu[s.Node] += sign * s.CpuMilli;
            _freeMemory[s.Node] += sign * s.MemoryMib;
            foreach (int g in s.Gpus) _gpuFree[Layout.NodeGpuStart[s.Node] + g] += sign * s.GpuMilli;
        }
    }
}
