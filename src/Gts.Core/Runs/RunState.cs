namespace Gts.Core.Runs;

/// <summary>Where a run is in its life: running until every step is finished, then one terminal state.</summary>
public enum RunState
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
