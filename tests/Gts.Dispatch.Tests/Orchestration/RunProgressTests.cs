using Gts.Core.Runs;
using Gts.Dispatch.Orchestration;

namespace Gts.Dispatch.Tests.Orchestration;

public sealed class RunProgressTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;
    private static readonly RunRecord Run = new("r", "r", RunState.Running, T0);

    private static StepRecord S(string id, StepState state, params string[] deps) => new("r", id, "sleep", state) { DependsOn = deps };

    [Fact]
    public void Steps_become_ready_when_every_dependency_succeeded()
    {
        var (run, changed) = RunProgress.Advance(Run, [S("a", StepState.Succeeded), S("b", StepState.Running), S("c", StepState.Waiting, "a"), S("d", StepState.Waiting, "a", "b")], T0);
        Assert.Null(run);
        Assert.Equal([("c", StepState.Ready)], changed.Select(s => (s.StepId, s.State)));
    }

    [Fact]
    public void A_failure_cancels_everything_downstream_and_fails_the_run_once_all_ended()
    {
        var (run, changed) = RunProgress.Advance(Run, [S("a", StepState.Failed), S("b", StepState.Waiting, "a"), S("c", StepState.Waiting, "b"), S("x", StepState.Succeeded)], T0);
        Assert.Equal([("b", StepState.Cancelled), ("c", StepState.Cancelled)], changed.Select(s => (s.StepId, s.State)));
        Assert.Contains("upstream step a failed", changed[0].Message, StringComparison.Ordinal);
        Assert.Equal(RunState.Failed, run!.State);
    }

    [Fact]
    public void Cancelling_a_run_ends_unlaunched_steps_and_marks_launched_ones_for_the_executor()
    {
        var (run, changed) = RunProgress.Advance(Run with { CancelRequested = true }, [S("a", StepState.Running), S("b", StepState.Ready), S("c", StepState.Waiting, "a")], T0);
        Assert.Null(run); // a is still running until its executor confirms
        Assert.Equal([("a", StepState.Running, true), ("b", StepState.Cancelled, false), ("c", StepState.Cancelled, false)],
            changed.Select(s => (s.StepId, s.State, s.CancelRequested)));
    }

    [Fact]
    public void A_run_whose_steps_all_succeeded_succeeds()
    {
        var (run, _) = RunProgress.Advance(Run, [S("a", StepState.Succeeded), S("b", StepState.Succeeded, "a")], T0);
        Assert.Equal(RunState.Succeeded, run!.State);
        Assert.Equal(T0, run.FinishedAt);
    }
}
