namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>EASY backfill's reservation for the first blocked step (Lifka 1995; Slurm's sched/backfill in one
/// reservation): the shadow time when enough GPUs will have been freed by running steps' expected ends, and
/// the extra GPUs that the reserved step will not need then. A later step may start if it ends by the shadow
/// time or fits in the extra GPUs.</summary>
public sealed class BackfillWindow
{
    private double _extra;

    private BackfillWindow(string reservedFor, DateTimeOffset shadow, double extra)
    {
        ReservedFor = reservedFor;
        Shadow = shadow;
        _extra = extra;
    }

    public string ReservedFor { get; }
    public DateTimeOffset Shadow { get; }

    /// <summary>Builds the window from free GPUs now and (GPUs, expected end) of everything running.</summary>
    public static BackfillWindow For(string stepId, double gpusNeeded, double freeNow, IEnumerable<(double Gpus, DateTimeOffset End)> ends, DateTimeOffset now)
    {
        double free = freeNow;
        if (free >= gpusNeeded) return new BackfillWindow(stepId, now, free - gpusNeeded);
        foreach (var (gpus, end) in ends.OrderBy(e => e.End))
        {
            free += gpus;
            if (free >= gpusNeeded) return new BackfillWindow(stepId, end, free - gpusNeeded);
        }
        return new BackfillWindow(stepId, DateTimeOffset.MaxValue, 0);
    }

    /// <summary>True if a step may start now without delaying the reservation: it ends by the shadow time or fits
    /// in the extra GPUs (which <see cref="Consume"/> then takes).</summary>
    public bool Admits(double gpus, TimeSpan? remaining, DateTimeOffset now) =>
        EndsBeforeShadow(remaining, now) || gpus <= _extra;

    /// <summary>Records that a step admitted by <see cref="Admits"/> started.</summary>
    public void Consume(double gpus, TimeSpan? remaining, DateTimeOffset now)
    {
        if (!EndsBeforeShadow(remaining, now)) _extra -= gpus;
    }

    private bool EndsBeforeShadow(TimeSpan? remaining, DateTimeOffset now) =>
        remaining is { } r && Shadow != DateTimeOffset.MaxValue && now + r <= Shadow;
}
