namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>First come, first served: by priority inside the queue, then submit time; never preempts.</summary>
public sealed class FifoOrder : IStepOrder
{
    public string Name => "fifo";

    public OrderKey KeyOf(PendingStep step, DateTimeOffset now) => new(-step.Priority, step.SubmittedAt.UtcTicks);

    public OrderKey KeyOf(RunningStep step, DateTimeOffset now) => new(-step.Priority, step.SubmittedAt.UtcTicks);

    public bool MayPreempt(OrderKey waiting, OrderKey running) => false;
}
