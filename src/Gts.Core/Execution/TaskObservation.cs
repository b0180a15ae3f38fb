namespace Gts.Core.Execution;

/// <summary>What an executor knows about a task: state, exit code once finished, nodes, start and end times
/// (the accounting record), and a reason for failures.</summary>
public sealed record TaskObservation(TaskHandle Task, ExecutorTaskState State)
{
    public int? ExitCode { get; init; }
    public string? Nodes { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? Reason { get; init; }

    public bool IsFinished => State is ExecutorTaskState.Succeeded or ExecutorTaskState.Failed
        or ExecutorTaskState.Cancelled or ExecutorTaskState.Lost;
}
