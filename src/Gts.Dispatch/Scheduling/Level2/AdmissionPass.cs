using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Walks the arranged pending steps once: place, else try preemption, else reject with a status;
/// batches are admitted whole or not at all; what is behind a blocked step depends on the blocking mode.</summary>
internal static class AdmissionPass
{
    public static void Run(CycleContext ctx, List<PendingStep> ordered)
    {
        BackfillWindow? window = null;
        var preemptor = ctx.Policy.Preemption ? new Preemptor(ctx) : null;
        string? blockedBy = null;
        var batches = ordered.Where(s => s.BatchKey is not null).GroupBy(s => s.BatchKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var step in ordered)
        {
            if (ctx.Touched.Contains(step.Id)) continue;
            if (blockedBy is not null && ctx.Policy.Blocking == BlockingMode.Strict)
            {
                ctx.Rejections.Add(new StepRejection(step.Id, ScheduleStatus.Retryable, $"waits behind '{blockedBy}' (strict order)"));
                continue;
            }
            if (step.BatchKey is not null)
            {
                AdmitBatch(ctx, batches[step.BatchKey], window);
                continue;
            }
            int gpus = ctx.Policy.Elastic && step.Request.Elastic is { } elastic ? elastic.MinGpus : step.Request.Gpus;
            if (ctx.NeverSchedulable(step, gpus))
            {
                ctx.Touched.Add(step.Id);
                ctx.Rejections.Add(new StepRejection(step.Id, ScheduleStatus.NeverSchedulable,
                    $"needs {Describe(step)}; no pool it may use has that even when empty"));
                continue;
            }
            double want = Math.Max(1, gpus) * step.Request.GpuMilli / 1000.0;
            if (window is not null && !window.Admits(want, step.Remaining, ctx.Now))
            {
                ctx.Rejections.Add(new StepRejection(step.Id, ScheduleStatus.Retryable, $"would delay '{window.ReservedFor}' (backfill reservation)"));
                continue;
            }
            var allocation = ctx.TryPlace(step, gpus);
            if (allocation is not null)
            {
                window?.Consume(allocation.GpuEquivalents, step.Remaining, ctx.Now);
                ctx.Start(step, allocation, step.Remaining);
                continue;
            }
            if (preemptor is not null && preemptor.TryPreemptFor(step, gpus)) continue;
            ctx.Rejections.Add(new StepRejection(step.Id, ScheduleStatus.Retryable, $"needs {Describe(step)}; not free now"));
            if (blockedBy is null)
            {
                blockedBy = step.Id;
                if (ctx.Policy.Blocking == BlockingMode.Backfill) window = WindowFor(ctx, step);
            }
        }
    }

    private static void AdmitBatch(CycleContext ctx, List<PendingStep> batch, BackfillWindow? window)
    {
        int mark = ctx.Board.Mark;
        var placed = new List<(PendingStep, Allocation)>();
        foreach (var s in batch)
        {
            var a = ctx.TryPlace(s, s.Request.Gpus);
            if (a is null || (window is not null && !window.Admits(a.GpuEquivalents, s.Remaining, ctx.Now))) { placed = null; break; }
            window?.Consume(a.GpuEquivalents, s.Remaining, ctx.Now);
            ctx.Board.Reserve(a);
            placed.Add((s, a));
        }
        ctx.Board.Rollback(mark);
        foreach (var s in batch) ctx.Touched.Add(s.Id);
        if (placed is null)
        {
            foreach (var s in batch)
                ctx.Rejections.Add(new StepRejection(s.Id, ScheduleStatus.Retryable, $"batch '{s.BatchKey}' of {batch.Count} steps does not fit as a whole"));
            return;
        }
        foreach (var (s, a) in placed) ctx.Start(s, a, s.Remaining);
    }

    private static BackfillWindow WindowFor(CycleContext ctx, PendingStep step)
    {
        var ends = ctx.Running.Values.Where(r => !ctx.Touched.Contains(r.Id))
            .Select(r => (r.Allocation.GpuEquivalents, r.Remaining is { } t ? ctx.Now + t : DateTimeOffset.MaxValue))
            .Concat(ctx.StartedEnds);
        double need = Math.Max(1, step.Request.Gpus) * step.Request.GpuMilli / 1000.0;
        return BackfillWindow.For(step.Id, need, ctx.Board.WholeFree(), ends, ctx.Now);
    }

    internal static string Describe(PendingStep s) =>
        s.Request.IsFractional ? $"{s.Request.GpuMilli} milli-GPU" : $"{s.Request.Gpus} GPU(s)" +
        (s.Request.GpuTypes.Count > 0 ? $" of type {string.Join('|', s.Request.GpuTypes)}" : "");
}
