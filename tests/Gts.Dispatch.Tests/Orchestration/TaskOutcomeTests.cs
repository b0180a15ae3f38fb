using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Dispatch.Orchestration;

namespace Gts.Dispatch.Tests.Orchestration;

public sealed class TaskOutcomeTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;
    private static readonly RetryPolicy Retry = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
    private static readonly StepRecord Step = new("r", "s", "sleep", StepState.Running) { Attempt = 1, MaxAttempts = 3, ExternalId = "x", LaunchKey = "k", Assignment = "{}" };

    private static TaskObservation Seen(ExecutorTaskState state, int? code = null) => new(new TaskHandle("k", "x"), state) { ExitCode = code };

    [Theory]
    [InlineData(ExecutorTaskState.Lost, null)]
    [InlineData(ExecutorTaskState.Failed, WorkerExitCodes.Retryable)]
    public void A_retryable_failure_goes_back_to_ready_after_a_backoff(ExecutorTaskState state, int? code)
    {
        var next = TaskOutcome.Apply(Step, Seen(state, code), null, T0, Retry)!;
        Assert.Equal(StepState.Ready, next.State);
        Assert.Equal(T0.AddSeconds(2), next.NotBefore);
        Assert.Null(next.ExternalId);
        Assert.Null(next.Assignment);
    }

    [Fact]
    public void Backoff_doubles_per_attempt_up_to_the_cap()
    {
        Assert.Equal([2, 4, 8, 10, 10], Enumerable.Range(1, 5).Select(a => Retry.Backoff(a).TotalSeconds));
    }

    [Fact]
    public void A_plain_failure_or_the_last_attempt_is_final()
    {
        Assert.Equal(StepState.Failed, TaskOutcome.Apply(Step, Seen(ExecutorTaskState.Failed, 3), null, T0, Retry)!.State);
        var last = TaskOutcome.Apply(Step with { Attempt = 3 }, Seen(ExecutorTaskState.Lost), null, T0, Retry)!;
        Assert.Equal(StepState.Failed, last.State);
        Assert.Contains("attempt 3 of 3", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_needs_every_declared_output_in_the_result()
    {
        var step = Step with { Outputs = ["model"] };
        Assert.Equal(StepState.Failed, TaskOutcome.Apply(step, Seen(ExecutorTaskState.Succeeded, 0), null, T0, Retry)!.State);
        var result = new StepResult("r", "s", 1, 0, T0) { Outputs = new Dictionary<string, string> { ["model"] = "h" } };
        Assert.Equal(StepState.Succeeded, TaskOutcome.Apply(step, Seen(ExecutorTaskState.Succeeded, 0), result, T0, Retry)!.State);
    }

    [Fact]
    public void Queued_changes_nothing_and_running_is_recorded_once()
    {
        Assert.Null(TaskOutcome.Apply(Step with { State = StepState.Placed }, Seen(ExecutorTaskState.Queued), null, T0, Retry));
        Assert.Equal(StepState.Running, TaskOutcome.Apply(Step with { State = StepState.Placed }, Seen(ExecutorTaskState.Running), null, T0, Retry)!.State);
        Assert.Null(TaskOutcome.Apply(Step, Seen(ExecutorTaskState.Running), null, T0, Retry));
    }
}
