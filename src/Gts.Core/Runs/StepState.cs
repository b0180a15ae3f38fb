namespace Gts.Core.Runs;

/// <summary>Where a step is: waiting on dependencies, ready to place, placed on a pool (launched or about
/// to be), running, or finished. A step waiting to be retried is <see cref="Ready"/> with a later NotBefore.</summary>
public enum StepState
{
    Waiting,
    Ready,
    Placed,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
