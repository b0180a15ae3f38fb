using Gts.Core.Compute;

namespace Gts.Core.Execution;

/// <summary>Runs launches on one compute pool (this machine, a Slurm cluster). Tasks are named by keys the
/// dispatcher chooses and stores before it submits, so that after a restart it can find what an earlier
/// incarnation launched (<see cref="FindAsync"/>) and observe it again. Every method is safe to call again.</summary>
public interface IExecutor
{
    /// <summary>The pool's name, as steps and placements refer to it.</summary>
    string Pool { get; }

    /// <summary>The pool as the executor sees it: its nodes, their CPUs, memory and GPUs.</summary>
    Task<ComputePool> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>Starts (or queues) every task of a launch; one handle per task, in order. A launch that can
    /// never run on this pool (a gang wider than the pool) is a GtsException of kind Infeasible.</summary>
    Task<IReadOnlyList<TaskHandle>> SubmitAsync(Launch launch, CancellationToken cancellationToken);

    /// <summary>The current state of each task; a task the executor no longer knows is <see cref="ExecutorTaskState.Lost"/>.</summary>
    Task<IReadOnlyList<TaskObservation>> ObserveAsync(IReadOnlyList<TaskHandle> tasks, CancellationToken cancellationToken);

    /// <summary>Stops a task and everything it started; a finished task is left as it is.</summary>
    Task CancelAsync(TaskHandle task, CancellationToken cancellationToken);

    /// <summary>The task's captured output (stdout and stderr), empty when there is none yet.</summary>
    Task<string> ReadLogAsync(TaskHandle task, CancellationToken cancellationToken);

    /// <summary>Handles of the tasks of an earlier launch with this key, or an empty list when it was never
    /// submitted: the reconciliation step after a dispatcher restart.</summary>
    Task<IReadOnlyList<TaskHandle>> FindAsync(string launchKey, CancellationToken cancellationToken);
}
