namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>The queue-sort stage of Level 2: a key per step, and whether a waiting step may preempt a running one
/// of the same queue priority (preemption across priorities is always allowed).</summary>
public interface IStepOrder
{
    string Name { get; }

    OrderKey KeyOf(PendingStep step, DateTimeOffset now);

    OrderKey KeyOf(RunningStep step, DateTimeOffset now);

    bool MayPreempt(OrderKey waiting, OrderKey running);
}
