using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level1;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Scheduling;

/// <summary>The working state of one cycle: the reservation board and the decisions taken so far.</summary>
internal sealed class CycleContext
{
    private readonly Dictionary<RequestShape, int> _failedAt = [];
    private readonly int[] _poolOrder;

    public CycleContext(ClusterSnapshot cluster, QueueSnapshot queues, SchedulingPolicy policy)
    {
        Cluster = cluster;
        Queues = queues;
        Policy = policy;
        Board = new ReservationBoard(cluster);
        var pools = cluster.Layout.Pools;
        _poolOrder = [.. Enumerable.Range(0, pools.Count).OrderBy(p => pools[p].Priority).ThenBy(p => p)];
        QueuePriority = queues.Queues.ToDictionary(q => q.Name, q => q.Priority, StringComparer.Ordinal);
        foreach (var r in queues.Running) Running[r.Id] = r;
    }

    public ClusterSnapshot Cluster { get; }
    public ClusterLayout Layout => Cluster.Layout;
    public QueueSnapshot Queues { get; }
    public SchedulingPolicy Policy { get; }
    public ReservationBoard Board { get; }
    public DateTimeOffset Now => Queues.Now;
    public Dictionary<string, int> QueuePriority { get; }
    public Dictionary<string, RunningStep> Running { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);
    public List<StepPlacement> Placements { get; } = [];
    public List<StepPreemption> Preemptions { get; } = [];
    public List<StepResize> Resizes { get; } = [];
    public List<StepRejection> Rejections { get; } = [];

    /// <summary>(GPUs, expected end) of steps started this cycle, for backfill windows.</summary>
    public List<(double Gpus, DateTimeOffset End)> StartedEnds { get; } = [];

    public int PriorityOf(string queue) => QueuePriority.TryGetValue(queue, out var p) ? p : 0;

    /// <summary>Pools a step may use now: the first-priority pools, and after the expansion wait the others within the cost limit.</summary>
    public IEnumerable<int> PoolsFor(PendingStep step)
    {
        var pools = Layout.Pools;
        int home = pools[_poolOrder[0]].Priority;
        bool expand = Now - step.SubmittedAt >= Policy.ExpansionWait;
        foreach (int p in _poolOrder)
            if (pools[p].Priority == home || (expand && pools[p].CostPerGpuHour <= Policy.MaxCostPerGpuHour)) yield return p;
    }

    /// <summary>Filter → score over the allowed pools in priority order; null when nothing fits now.
    /// Remembers failures per request shape until something is released.</summary>
    public Allocation? TryPlace(PendingStep step, int gpus)
    {
        var shape = RequestShape.Of(step.Request, gpus);
        if (_failedAt.TryGetValue(shape, out int at) && at == Board.ReleaseCount) return null;
        foreach (int p in PoolsFor(step))
        {
            var a = GangPlacer.TryPlace(Board, step.Request, gpus, p, Policy.Scoring, Policy.Mix);
            if (a is not null) return a;
        }
        _failedAt[shape] = Board.ReleaseCount;
        return null;
    }

    /// <summary>True when no pool the step may ever use could hold it, even empty.</summary>
    public bool NeverSchedulable(PendingStep step, int gpus)
    {
        var pools = Layout.Pools;
        for (int p = 0; p < pools.Count; p++)
        {
            bool usable = pools[p].Priority == pools[_poolOrder[0]].Priority || pools[p].CostPerGpuHour <= Policy.MaxCostPerGpuHour;
            if (usable && !NeverFit.Holds(Layout, step.Request, gpus, p)) return false;
        }
        return true;
    }

    public void Start(PendingStep step, Allocation allocation, TimeSpan? remaining)
    {
        Board.Reserve(allocation);
        Placements.Add(new StepPlacement(step.Id, allocation));
        Touched.Add(step.Id);
        StartedEnds.Add((allocation.GpuEquivalents, remaining is { } r ? Now + r : DateTimeOffset.MaxValue));
    }

    public CycleDecisions ToDecisions() => new(Cluster.Generation, Placements, Preemptions, Resizes, Rejections);
}
