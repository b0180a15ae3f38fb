
namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Finds running steps to stop for a waiting one: lower queue priority first, then the worst by the
/// order; releases them one by one on the board until the waiting step fits, or rolls everything back.</summary>
internal static class Preemptor
{
    public static bool TryPreemptFor(CycleContext ctx, PendingStep step)
    {
        var order = ctx.Policy.Order;
        int prio = ctx.PriorityOf(step.Queue);
        var key = order.KeyOf(step, ctx.Now);
        var victims = ctx.Running.Values
            .Where(r => r.Preemptible && !ctx.Touched.Contains(r.Id))
            .Select(r => (Step: r, Prio: ctx.PriorityOf(r.Queue), Key: order.KeyOf(r, ctx.Now)))
            .Where(v => v.Prio < prio || (v.Prio == prio && order.MayPreempt(key, v.Key)))
            .OrderBy(v => v.Prio).ThenByDescending(v => v.Key).ThenBy(v => v.Step.Id, StringComparer.Ordinal)
            .ToList();
        if (victims.Count == 0) return false;
        double need = Math.Max(1, step.Request.Gpus) * step.Request.GpuMilli / 1000.0;
        double freed = ctx.Board.WholeFree();
        if (freed + victims.Sum(v => v.Step.Allocation.GpuEquivalents) < need) return false;
        int mark = ctx.Board.Mark;
        var taken = new List<RunningStep>();
        foreach (var (victim, _, _) in victims)
        {
            ctx.Board.Release(victim.Allocation);
            taken.Add(victim);
            freed += victim.Allocation.GpuEquivalents;
            if (freed < need) continue;
            var allocation = ctx.TryPlace(step, step.Request.Gpus);
            if (allocation is null) continue;
            foreach (var v in taken)
            {
                ctx.Preemptions.Add(new StepPreemption(v.Id, step.Id));
                ctx.Touched.Add(v.Id);
            }
            ctx.Start(step, allocation, step.Remaining);
            return true;
        }
        ctx.Board.Rollback(mark);
        return false;
    }
}
