using Gts.Core.Runs;

namespace Gts.Core.Store;

/// <summary>Runs, steps and step results. Every multi-row change is one transaction; changes carry the row
/// versions they were computed from and are refused as a whole when any row has moved on.</summary>
public interface IMetadataStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema; safe to call from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a run and all its steps in one transaction; a run id that exists is an error.</summary>
    Task CreateRunAsync(RunRecord run, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken);

    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The newest runs first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<StepRecord>> GetStepsAsync(string runId, CancellationToken cancellationToken);

    Task<StepRecord?> GetStepAsync(string runId, string stepId, CancellationToken cancellationToken);

    /// <summary>Every run still running, with all of its steps: the dispatcher's snapshot of work.</summary>
    Task<IReadOnlyList<(RunRecord Run, IReadOnlyList<StepRecord> Steps)>> GetActiveRunsAsync(CancellationToken cancellationToken);

    /// <summary>Writes all rows of a change in one transaction; false (and nothing written) when a row's
    /// stored version differs from the version it carries.</summary>
    Task<bool> TryCommitAsync(RunChange change, CancellationToken cancellationToken);

    /// <summary>Records what an attempt produced. The first record of an attempt wins; later ones are ignored
    /// and the stored one is returned.</summary>
    Task<StepResult> RecordResultAsync(StepResult result, CancellationToken cancellationToken);

    Task<StepResult?> GetResultAsync(string runId, string stepId, int attempt, CancellationToken cancellationToken);

    /// <summary>A successful earlier result of the same step kind with the same input hash (a cache hit).</summary>
    Task<StepResult?> FindCachedResultAsync(string kind, string inputHash, CancellationToken cancellationToken);

    /// <summary>Marks a run (stepId null) or one step for cancellation; the dispatcher carries it out.
    /// False when the run or step does not exist.</summary>
    Task<bool> RequestCancelAsync(string runId, string? stepId, CancellationToken cancellationToken);
}
