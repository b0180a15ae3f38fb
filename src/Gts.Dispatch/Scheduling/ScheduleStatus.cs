namespace Gts.Dispatch.Scheduling;

/// <summary>Why a step was not placed, as a value (after the Kubernetes framework's Unschedulable vs
/// UnschedulableAndUnresolvable): worth retrying next cycle, or never placeable on this cluster.</summary>
public enum ScheduleStatus
{
    /// <summary>Does not fit now (capacity in use, fair share, backfill reservation); retry later.</summary>
    Retryable,

    /// <summary>Cannot fit even on the empty cluster (too many GPUs, no GPU of the model asked for); fix the request.</summary>
    NeverSchedulable,
}
