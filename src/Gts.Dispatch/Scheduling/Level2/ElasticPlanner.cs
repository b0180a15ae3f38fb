using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Elastic steps (min..max GPUs): first every running one keeps its minimum and waiting ones are admitted
/// at their minimum in order while GPUs last; then each spare GPU goes to the step whose expected run time it
/// shortens most (concave speed-ups from <see cref="PendingStep.Throughput"/>, marginal-gain greedy as in Optimus,
/// Peng et al., EuroSys'18). Running steps grow only when the gain beats <see cref="SchedulingPolicy.ResizeMinGain"/>,
/// and shrink only to make room for what was admitted or grown.</summary>
internal static class ElasticPlanner
{
    private sealed class Item
    {
        public required string Id;
        public PendingStep? Pending;
        public RunningStep? Running;
        public required int Min, Max, Current, Target;
        public required double Seconds;            // expected remaining seconds at Current (or at requested GPUs when waiting)
        public required int Basis;                 // GPU count Seconds refers to
        public IReadOnlyList<double>? Throughput;

        public double SecondsAt(int g)
        {
            if (g <= 0) return double.MaxValue;
            double Thr(int n) => Throughput is { Count: > 0 } t ? t[Math.Min(n, t.Count) - 1] : n;
            return Seconds * Thr(Basis) / Thr(g);
        }
    }

    public static void Run(CycleContext ctx, List<PendingStep> ordered)
    {
        var items = new List<Item>();
        foreach (var r in ctx.Running.Values)
            if (r.Request.Elastic is { } e && !r.Request.IsFractional)
                items.Add(new Item { Id = r.Id, Running = r, Min = e.MinGpus, Max = e.MaxGpus, Current = r.Allocation.GpuCount, Target = 0,
                    Seconds = r.Remaining?.TotalSeconds ?? 1e9, Basis = r.Allocation.GpuCount, Throughput = r.Throughput });
        foreach (var p in ordered)
            if (p.Request.Elastic is { } e && !ctx.Touched.Contains(p.Id))
                items.Add(new Item { Id = p.Id, Pending = p, Min = e.MinGpus, Max = e.MaxGpus, Current = 0, Target = 0,
                    Seconds = p.Remaining?.TotalSeconds ?? 1e9, Basis = Math.Max(1, p.Request.Gpus), Throughput = p.Throughput });
        if (items.Count == 0) return;

        // Shortest remaining work first (at one GPU): each step gets the largest size that still runs at the
        // policy's parallel efficiency, running steps keep at least their minimum, waiting ones need theirs.
        int capacity = ctx.Board.WholeFree() + items.Where(i => i.Running is not null).Sum(i => i.Current);
        int avail = capacity;
        foreach (var i in items.Where(i => i.Running is not null)) { i.Target = Math.Min(i.Min, i.Current); avail -= i.Target; }
        foreach (var i in items.OrderBy(i => i.SecondsAt(1)).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            int want = EfficientSize(i, ctx.Policy.ElasticEfficiency);
            if (i.Pending is not null)
            {
                if (avail < i.Min) continue;
                i.Target = Math.Min(want, avail);
                avail -= i.Target;
            }
            else
            {
                int extra = Math.Clamp(want - i.Target, 0, avail);
                i.Target += extra;
                avail -= extra;
            }
        }
        int used = capacity - avail;
        // Running steps: grow only when worth a restart; all others keep what they have unless the room is needed.
        double minGain = ctx.Policy.ResizeMinGain.TotalSeconds;
        foreach (var i in items.Where(i => i.Running is not null && i.Target > i.Current))
            if (i.SecondsAt(i.Current) - i.SecondsAt(i.Target) < minGain) i.Target = i.Current;
        int need = items.Sum(i => i.Pending is not null ? i.Target : Math.Max(0, i.Target - i.Current)) - ctx.Board.WholeFree();
        foreach (var i in items.Where(i => i.Running is not null && i.Target < i.Current).OrderBy(i => i.SecondsAt(i.Target) - i.SecondsAt(i.Current)))
        {
            if (need <= 0) { i.Target = i.Current; continue; }
            int give = Math.Min(i.Current - i.Target, need);
            i.Target = i.Current - give;
            need -= give;
        }

        foreach (var i in items.Where(i => i.Running is not null && i.Target < i.Current)) Shrink(ctx, i);
        foreach (var i in items.Where(i => i.Pending is not null && i.Target > 0)) Admit(ctx, i);
        foreach (var i in items.Where(i => i.Running is not null && i.Target > i.Current)) Grow(ctx, i);
        // Waiting steps that got nothing stay untouched: the admission pass may still preempt for their minimum.
    }

    private static int EfficientSize(Item i, double efficiency)
    {
        double one = i.SecondsAt(1);
        int best = i.Min;
        for (int g = i.Min + 1; g <= i.Max; g++)
            if (one / i.SecondsAt(g) >= efficiency * g) best = g;
        return best;
    }

    private static double Gain(Item i) => i.SecondsAt(i.Target) - i.SecondsAt(i.Target + 1);

    private static void Shrink(CycleContext ctx, Item i)
    {
        var old = i.Running!.Allocation;
        int drop = i.Current - i.Target;
        var shares = old.Shares.OrderByDescending(s => s.Gpus.Length).ToList();
        while (drop > 0)
        {
            var last = shares[^1];
            int cut = Math.Min(drop, last.Gpus.Length);
            shares.RemoveAt(shares.Count - 1);
            if (cut < last.Gpus.Length)
            {
                int keep = last.Gpus.Length - cut;
                shares.Add(last with { Gpus = last.Gpus[..keep], CpuMilli = last.CpuMilli * keep / last.Gpus.Length, MemoryMib = last.MemoryMib * keep / last.Gpus.Length });
            }
            drop -= cut;
        }
        var smaller = new Allocation(old.Pool, shares);
        ctx.Board.Release(old);
        ctx.Board.Reserve(smaller);
        ctx.Resizes.Add(new StepResize(i.Id, smaller));
        ctx.Touched.Add(i.Id);
    }

    private static void Admit(CycleContext ctx, Item i)
    {
        for (int g = i.Target; g >= i.Min; g--)
        {
            var a = ctx.TryPlace(i.Pending!, g);
            if (a is null) continue;
            ctx.Start(i.Pending!, a, TimeSpan.FromSeconds(Math.Min(i.SecondsAt(g), 1e9)));
            return;
        }
    }

    private static void Grow(CycleContext ctx, Item i)
    {
        var old = i.Running!.Allocation;
        int mark = ctx.Board.Mark;
        ctx.Board.Release(old);
        var asPending = new PendingStep(i.Id, i.Running.Queue, i.Running.Tenant, i.Running.Request, i.Running.SubmittedAt);
        for (int g = i.Target; g > i.Current; g--)
        {
            var a = ctx.TryPlace(asPending, g);
            if (a is null) continue;
            ctx.Board.Reserve(a);
            ctx.Resizes.Add(new StepResize(i.Id, a));
            ctx.Touched.Add(i.Id);
            return;
        }
        ctx.Board.Rollback(mark);
    }
}
