using Gts.Core.Execution;

namespace Gts.Dispatch.Orchestration;

/// <summary>Which failures are retried and after how long: a lost task (vanished process, failed node) and
/// the worker's "try again" exit code are retryable; any other failure is final. The wait doubles with each
/// attempt from Initial up to Max (exponential backoff).</summary>
public sealed record RetryPolicy(TimeSpan Initial, TimeSpan Max)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    public static bool IsRetryable(ExecutorTaskState state, int? exitCode) =>
        state == ExecutorTaskState.Lost || (state == ExecutorTaskState.Failed && exitCode == WorkerExitCodes.Retryable);

    /// <summary>The wait before attempt <paramref name="failedAttempt"/> + 1.</summary>
    public TimeSpan Backoff(int failedAttempt)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempt - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(Initial.Ticks * factor, Max.Ticks));
        return wait;
    }
}
