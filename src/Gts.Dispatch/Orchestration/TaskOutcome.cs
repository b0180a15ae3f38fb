using Gts.Core.Execution;
using Gts.Core.Runs;

namespace Gts.Dispatch.Orchestration;

/// <summary>Pure: the new step row for what its executor and its worker's result say about the current
/// attempt, or null when nothing changed. Retryable failures go back to Ready after a backoff.</summary>
public static class TaskOutcome
{
    public static StepRecord? Apply(StepRecord step, TaskObservation seen, StepResult? result, DateTimeOffset now, RetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(retry);
        switch (seen.State)
        {
            case ExecutorTaskState.Queued:
                return null;
            case ExecutorTaskState.Running:
                return step.State == StepState.Running ? null
                    : step with { State = StepState.Running, StartedAt = seen.StartedAt ?? now, Message = seen.Nodes is null ? null : $"on {seen.Nodes}" };
            case ExecutorTaskState.Succeeded:
                var missing = step.Outputs.Where(o => result is null || !result.Outputs.ContainsKey(o)).ToList();
                if (missing.Count > 0)
                    return Finish(step, StepState.Failed, seen, now, $"the step declares output(s) {string.Join(", ", missing)} but its result has none");
                return Finish(step, StepState.Succeeded, seen, now, result?.Message);
            case ExecutorTaskState.Cancelled:
                return Finish(step, StepState.Cancelled, seen, now, "cancelled");
        }
        var code = seen.ExitCode ?? result?.ExitCode;
        var why = result?.Message ?? seen.Reason ?? $"exit code {code}";
        if (step.CancelRequested) return Finish(step, StepState.Cancelled, seen, now, "cancelled");
        if (RetryPolicy.IsRetryable(seen.State, code) && step.Attempt < step.MaxAttempts)
        {
            var at = now + retry.Backoff(step.Attempt);
            return step with
            {
                State = StepState.Ready, NotBefore = at, ExitCode = code, LaunchKey = null, ExternalId = null, Assignment = null,
                Message = $"attempt {step.Attempt} failed ({why}); retry after {at:HH:mm:ss}",
            };
        }
        return Finish(step, StepState.Failed, seen, now, $"attempt {step.Attempt} of {step.MaxAttempts} failed: {why}");
    }

    private static StepRecord Finish(StepRecord step, StepState state, TaskObservation seen, DateTimeOffset now, string? message) =>
        step with
        {
            State = state,
            ExitCode = seen.ExitCode,
            StartedAt = step.StartedAt ?? seen.StartedAt,
            FinishedAt = seen.EndedAt ?? now,
            Message = message,
        };
}
