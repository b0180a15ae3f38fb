using Gts.Core.Execution;

namespace Gts.Dispatch.Executors.Slurm;

/// <summary>Slurm job states (squeue %T, scontrol JobState, sacct State) as executor states. Failures of the
/// machine rather than the job (node failure, preemption) are Lost, which the dispatcher retries.</summary>
internal static class SlurmJobState
{
    public static ExecutorTaskState Map(string state)
    {
        var s = state.Split(' ')[0].TrimEnd('+');
        return s switch
        {
            "PENDING" or "CONFIGURING" or "REQUEUED" or "REQUEUE_FED" or "REQUEUE_HOLD" or "RESV_DEL_HOLD" or "SUSPENDED" or "STOPPED" or "SIGNALING" or "STAGE_OUT" or "RESIZING"
                => ExecutorTaskState.Queued,
            "RUNNING" or "COMPLETING" => ExecutorTaskState.Running,
            "COMPLETED" => ExecutorTaskState.Succeeded,
            "CANCELLED" => ExecutorTaskState.Cancelled,
            "NODE_FAIL" or "BOOT_FAIL" or "PREEMPTED" or "REVOKED" => ExecutorTaskState.Lost,
            _ => ExecutorTaskState.Failed, // FAILED, TIMEOUT, OUT_OF_MEMORY, DEADLINE, SPECIAL_EXIT
        };
    }
}
