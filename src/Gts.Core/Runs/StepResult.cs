namespace Gts.Core.Runs;

/// <summary>What one attempt of a step produced, written by the worker when it ends: exit code, the content
/// hashes of its outputs, and the hash of its inputs (the cache key together with Kind).</summary>
public sealed record StepResult(string RunId, string StepId, int Attempt, int ExitCode, DateTimeOffset FinishedAt)
{
    public string Kind { get; init; } = "";
    public string? InputHash { get; init; }
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
    public string? Message { get; init; }
}
