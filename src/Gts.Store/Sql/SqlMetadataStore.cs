using System.Data.Common;
using Gts.Core.Errors;
using Gts.Core.Runs;
using Gts.Core.Store;

namespace Gts.Store.Sql;

/// <summary>The metadata store written once in portable SQL over ADO.NET; the engines differ only in how a
/// connection is opened and how schema creation is serialized between processes.</summary>
public abstract class SqlMetadataStore : IMetadataStore
{
    private static readonly string SelectRun = $"select {Columns.Run} from runs";
    private static readonly string SelectStep = $"select {Columns.Step} from steps";
    private static readonly string SelectResult = $"select {Columns.Result} from step_results";

    /// <summary>A human name of where the data lives, for messages.</summary>
    public abstract string Describe();

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Statements run inside the schema transaction before the tables are created (locks, pragmas).</summary>
    protected virtual IEnumerable<string> BeforeSchema => [];

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        foreach (var sql in BeforeSchema.Concat(Schema.Statements))
            await ExecuteAsync(c, tx, sql, null, cancellationToken);
        var version = await ScalarAsync(c, tx, "select max(version) from schema_version", cancellationToken);
        if (version is null or DBNull)
            await ExecuteAsync(c, tx, $"insert into schema_version (version) values ({Schema.Version})", null, cancellationToken);
        else if (Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) > Schema.Version)
            throw new GtsException(ErrorKind.External, $"{Describe()} has schema version {version}, newer than this gts understands ({Schema.Version}).",
                "Upgrade gts, or point GTS_DATABASE at another database.");
        await tx.CommitAsync(cancellationToken);
    }

    public async Task CreateRunAsync(RunRecord run, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        if (await ScalarAsync(c, tx, "select count(*) from runs where id = @id", cancellationToken, ("id", run.Id)) is { } n
            && Convert.ToInt64(n, System.Globalization.CultureInfo.InvariantCulture) > 0)
            throw new GtsException(ErrorKind.InvalidInput, $"A run with id '{run.Id}' already exists in {Describe()}.", "Submit the run under a new id.");
        await ExecuteAsync(c, tx, $"insert into runs ({Columns.Run}) values ({Columns.Parameters(Columns.Run)})",
            cmd => RowMapping.AddRun(cmd, run), cancellationToken);
        foreach (var s in steps)
        {
            if (s.RunId != run.Id) throw new ArgumentException($"Step '{s.StepId}' belongs to run '{s.RunId}', not '{run.Id}'.", nameof(steps));
            await ExecuteAsync(c, tx, $"insert into steps ({Columns.Step}) values ({Columns.Parameters(Columns.Step)})",
                cmd => RowMapping.AddStep(cmd, s), cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        (await QueryAsync($"{SelectRun} where id = @id", RowMapping.ReadRun, cancellationToken, ("id", runId))).FirstOrDefault();

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"{SelectRun} order by created_at desc, id desc limit {Math.Max(0, limit)}", RowMapping.ReadRun, cancellationToken);

    public async Task<IReadOnlyList<StepRecord>> GetStepsAsync(string runId, CancellationToken cancellationToken) =>
        await QueryAsync($"{SelectStep} where run_id = @id order by created_at, step_id", RowMapping.ReadStep, cancellationToken, ("id", runId));

    public async Task<StepRecord?> GetStepAsync(string runId, string stepId, CancellationToken cancellationToken) =>
        (await QueryAsync($"{SelectStep} where run_id = @r and step_id = @s", RowMapping.ReadStep, cancellationToken, ("r", runId), ("s", stepId))).FirstOrDefault();

    public async Task<IReadOnlyList<(RunRecord Run, IReadOnlyList<StepRecord> Steps)>> GetActiveRunsAsync(CancellationToken cancellationToken)
    {
        // One read transaction so that runs and steps come from the same moment.
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var state = RunState.Running.ToString();
        var runs = await QueryAsync(c, tx, $"{SelectRun} where state = @st order by created_at, id", RowMapping.ReadRun, cancellationToken, ("st", state));
        var steps = await QueryAsync(c, tx, $"{SelectStep} where run_id in (select id from runs where state = @st) order by created_at, step_id",
            RowMapping.ReadStep, cancellationToken, ("st", state));
        await tx.CommitAsync(cancellationToken);
        var byRun = steps.ToLookup(s => s.RunId);
        return runs.Select(r => (r, (IReadOnlyList<StepRecord>)byRun[r.Id].ToList())).ToList();
    }

    public async Task<bool> TryCommitAsync(RunChange change, CancellationToken cancellationToken)
    {
        if (change.IsEmpty) return true;
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        foreach (var run in change.Runs)
        {
            var n = await ExecuteAsync(c, tx, $"update runs set {Columns.Assignments(Columns.Run, "id", "version")}, version = version + 1 where id = @id and version = @version",
                cmd => RowMapping.AddRun(cmd, run), cancellationToken);
            if (n != 1) { await tx.RollbackAsync(cancellationToken); return false; }
        }
        foreach (var step in change.Steps)
        {
            var n = await ExecuteAsync(c, tx, $"update steps set {Columns.Assignments(Columns.Step, "run_id", "step_id", "version")}, version = version + 1 " +
                "where run_id = @run_id and step_id = @step_id and version = @version", cmd => RowMapping.AddStep(cmd, step), cancellationToken);
            if (n != 1) { await tx.RollbackAsync(cancellationToken); return false; }
        }
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<StepResult> RecordResultAsync(StepResult result, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(c, tx, $"insert into step_results ({Columns.Result}) values ({Columns.Parameters(Columns.Result)}) " +
            "on conflict (run_id, step_id, attempt) do nothing", cmd => RowMapping.AddResult(cmd, result), cancellationToken);
        var stored = (await QueryAsync(c, tx, $"{SelectResult} where run_id = @r and step_id = @s and attempt = @a", RowMapping.ReadResult,
            cancellationToken, ("r", result.RunId), ("s", result.StepId), ("a", result.Attempt)))[0];
        await tx.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<StepResult?> GetResultAsync(string runId, string stepId, int attempt, CancellationToken cancellationToken) =>
        (await QueryAsync($"{SelectResult} where run_id = @r and step_id = @s and attempt = @a", RowMapping.ReadResult, cancellationToken,
            ("r", runId), ("s", stepId), ("a", attempt))).FirstOrDefault();

    public async Task<StepResult?> FindCachedResultAsync(string kind, string inputHash, CancellationToken cancellationToken) =>
        (await QueryAsync($"{SelectResult} where kind = @k and input_hash = @h and exit_code = 0 order by finished_at limit 1", RowMapping.ReadResult,
            cancellationToken, ("k", kind), ("h", inputHash))).FirstOrDefault();

    public async Task<bool> RequestCancelAsync(string runId, string? stepId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        int n;
        if (stepId is null)
            n = await ExecuteAsync(c, tx, "update runs set cancel_requested = 1, version = version + 1 where id = @r", cmd => RowMapping.Add(cmd, "r", runId), cancellationToken);
        else
            n = await ExecuteAsync(c, tx, "update steps set cancel_requested = 1, version = version + 1 where run_id = @r and (step_id = @s or batch_id = @s)",
                cmd => { RowMapping.Add(cmd, "r", runId); RowMapping.Add(cmd, "s", stepId); }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return n > 0;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var c = await OpenAsync(ct);
        return await QueryAsync(c, null, sql, read, ct, args);
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection c, DbTransaction? tx, string sql, Func<DbDataReader, T> read, CancellationToken ct,
        params (string Name, object? Value)[] args)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) RowMapping.Add(cmd, name, value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    private static async Task<int> ExecuteAsync(DbConnection c, DbTransaction tx, string sql, Action<DbCommand>? bind, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        bind?.Invoke(cmd);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection c, DbTransaction tx, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) RowMapping.Add(cmd, name, value);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
