namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Shortest expected remaining GPU-time first (SJF; with preemption, shortest-remaining-first). Whether the
/// remaining time is an oracle or an estimate is up to whoever fills <see cref="PendingStep.Remaining"/>.
/// A running step is preempted only when its remaining GPU-time exceeds the waiting one's by
/// <paramref name="preemptionRatio"/>, so that near-ties do not thrash.</summary>
public sealed class ShortestFirstOrder(bool preemptive = false, double preemptionRatio = 2.0) : IStepOrder
{
    public string Name => preemptive ? "srtf" : "sjf";

    public OrderKey KeyOf(PendingStep step, DateTimeOffset now) =>
        new(-step.Priority, GpuSeconds(step.Remaining, Math.Max(1, step.Request.Gpus) * step.Request.GpuMilli / 1000.0));

    public OrderKey KeyOf(RunningStep step, DateTimeOffset now) =>
        new(-step.Priority, GpuSeconds(step.Remaining, step.Allocation.GpuEquivalents));

    public bool MayPreempt(OrderKey waiting, OrderKey running) =>
        preemptive && (waiting.Class < running.Class || (waiting.Class == running.Class && running.Value > preemptionRatio * waiting.Value));

    private static double GpuSeconds(TimeSpan? remaining, double gpus) =>
        remaining is { } r ? r.TotalSeconds * Math.Max(gpus, 0.001) : double.MaxValue;
}
