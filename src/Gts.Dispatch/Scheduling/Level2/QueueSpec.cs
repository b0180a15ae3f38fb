namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>A named queue: higher <paramref name="Priority"/> is served first and may preempt lower; within one priority,
/// queues share capacity in proportion to <paramref name="Weight"/> (dominant-resource fairness).</summary>
public sealed record QueueSpec(string Name, int Priority = 0, double Weight = 1);
