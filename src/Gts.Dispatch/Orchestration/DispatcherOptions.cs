namespace Gts.Dispatch.Orchestration;

/// <summary>How the dispatcher starts workers (the `gts` command line, extra environment such as GTS_HOME and
/// GTS_DATABASE), how it retries, and how often it runs a cycle.</summary>
public sealed record DispatcherOptions(IReadOnlyList<string> WorkerCommand)
{
    public IReadOnlyDictionary<string, string> WorkerEnv { get; init; } = new Dictionary<string, string>();
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(500);
}
