namespace Gts.Core.Runs;

/// <summary>A run as stored. Version increases with every committed change (optimistic concurrency).</summary>
public sealed record RunRecord(string Id, string Name, RunState State, DateTimeOffset CreatedAt)
{
    public string Tenant { get; init; } = "default";
    public string Queue { get; init; } = "default";
    public int Priority { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public bool CancelRequested { get; init; }
    public string? Message { get; init; }
    public long Version { get; init; }
}
