namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>The immutable queue side of a cycle: queues, pending and running steps, and the time it was taken
/// (read from the dispatcher's <see cref="TimeProvider"/>, virtual in the simulator).</summary>
public sealed record QueueSnapshot(DateTimeOffset Now, IReadOnlyList<QueueSpec> Queues, IReadOnlyList<PendingStep> Pending, IReadOnlyList<RunningStep> Running)
{
    /// <summary>Takes the time from <paramref name="clock"/>.</summary>
    public static QueueSnapshot Take(TimeProvider clock, IReadOnlyList<QueueSpec> queues, IReadOnlyList<PendingStep> pending, IReadOnlyList<RunningStep> running)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new QueueSnapshot(clock.GetUtcNow(), queues, pending, running);
    }
}
