namespace Gts.Core.Execution;

/// <summary>A task's state as an executor sees it. Lost: the executor has no trace of it (a vanished process,
/// a job the cluster forgot), which the dispatcher treats as a retryable failure.</summary>
public enum ExecutorTaskState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Lost,
}
