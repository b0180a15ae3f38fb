namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Finds running steps to stop for a waiting one: lower queue priority first, then the worst by the
/// order; releases them one by one on the board until the waiting step fits, or rolls everything back.
/// Candidates are ranked once per cycle; a failed attempt is remembered per request shape and queue priority with
/// its order key (a step ranked no better can preempt no more); like the Kubernetes scheduler's post-filter, only
/// <see cref="SchedulingPolicy.MaxPreemptionAttempts"/> waiting steps try per cycle.</summary>
internal sealed class Preemptor
{
    private readonly CycleContext _ctx;
    private readonly (RunningStep Step, int Prio, OrderKey Key, double Gpus)[] _ranked;
    private readonly Dictionary<(Level1.RequestShape, int), (int Releases, OrderKey Key)> _failedAt = [];
    private int _attempts;

    public Preemptor(CycleContext ctx)
    {
        _ctx = ctx;
        _ranked = [.. ctx.Running.Values
            .Where(r => r.Preemptible)
            .Select(r => (Step: r, Prio: ctx.PriorityOf(r.Queue), Key: ctx.Policy.Order.KeyOf(r, ctx.Now), Gpus: r.Allocation.GpuEquivalents))
            .OrderBy(v => v.Prio).ThenByDescending(v => v.Key).ThenBy(v => v.Step.Id, StringComparer.Ordinal)];
    }

    public bool TryPreemptFor(PendingStep step, int gpus)
    {
        var ctx = _ctx;
        var order = ctx.Policy.Order;
        int prio = ctx.PriorityOf(step.Queue);
        var cacheKey = (Level1.RequestShape.Of(step.Request, gpus), prio);
        var key = order.KeyOf(step, ctx.Now);
        if (_failedAt.TryGetValue(cacheKey, out var at) && at.Releases == ctx.Board.ReleaseCount && key >= at.Key) return false;
        if (_attempts >= ctx.Policy.MaxPreemptionAttempts) return false;
        _attempts++;
        double need = Math.Max(1, gpus) * step.Request.GpuMilli / 1000.0;
        double freed = ctx.Board.WholeFree();
        double available = freed;
        foreach (var v in _ranked)
            if (Eligible(v, prio, key)) available += v.Gpus;
        if (available < need)
        {
            _failedAt[cacheKey] = (ctx.Board.ReleaseCount, key);
            return false;
        }
        int mark = ctx.Board.Mark;
        int releasesBefore = ctx.Board.ReleaseCount;
        var taken = new List<RunningStep>();
        foreach (var v in _ranked)
        {
            if (!Eligible(v, prio, key)) continue;
            ctx.Board.Release(v.Step.Allocation);
            taken.Add(v.Step);
            freed += v.Gpus;
            if (freed < need) continue;
            var allocation = ctx.TryPlace(step, gpus);
            if (allocation is null) continue;
            foreach (var t in taken)
            {
                ctx.Preemptions.Add(new StepPreemption(t.Id, step.Id));
                ctx.Touched.Add(t.Id);
            }
            ctx.Start(step, allocation, step.Remaining);
            return true;
        }
        ctx.Board.Rollback(mark);
        _failedAt[cacheKey] = (releasesBefore, key);
        return false;
    }

    private bool Eligible((RunningStep Step, int Prio, OrderKey Key, double Gpus) v, int prio, OrderKey key) =>
        !_ctx.Touched.Contains(v.Step.Id) && (v.Prio < prio || (v.Prio == prio && _ctx.Policy.Order.MayPreempt(key, v.Key)));
}
