namespace Gts.Core.Runs;

/// <summary>Groupings of step states used by the store and the dispatcher.</summary>
public static class StepStates
{
    /// <summary>States from which a step never moves again.</summary>
    public static bool IsTerminal(this StepState state) =>
        state is StepState.Succeeded or StepState.Failed or StepState.Cancelled;

    /// <summary>States in which an executor may hold a process or job for the step.</summary>
    public static bool IsLaunched(this StepState state) => state is StepState.Placed or StepState.Running;

    /// <summary>Every state that is not terminal.</summary>
    public static IReadOnlyList<StepState> Active { get; } =
        [StepState.Waiting, StepState.Ready, StepState.Placed, StepState.Running];
}
