namespace Gts.Core.Runs;

/// <summary>A step (or one task of a batch step) as stored: its spec, its attempt, state and where it runs.
/// LaunchKey names the current attempt's launch so that a restarted dispatcher can find it in an executor;
/// ExternalId is the executor's own id (Slurm job id, local task directory). Version increases with every
/// committed change (optimistic concurrency).</summary>
public sealed record StepRecord(string RunId, string StepId, string Kind, StepState State)
{
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Outputs { get; init; } = [];
    public StepResources Resources { get; init; } = StepResources.Default;

    /// <summary>The spec id of the batch this task belongs to, or null for a plain step.</summary>
    public string? BatchId { get; init; }
    public int? TaskIndex { get; init; }
    public int MaxAttempts { get; init; } = 3;
    public int Attempt { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public string? Pool { get; init; }
    public string? LaunchKey { get; init; }
    public string? ExternalId { get; init; }

    /// <summary>Where the scheduler put it, e.g. "node=n1 gpus=0,1"; null until placed.</summary>
    public string? Assignment { get; init; }
    public int? ExitCode { get; init; }
    public string? Message { get; init; }
    public string? InputHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public bool CancelRequested { get; init; }
    public long Version { get; init; }
}
