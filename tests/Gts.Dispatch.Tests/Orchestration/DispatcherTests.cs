using Gts.Core.Runs;
using Gts.Dispatch.Orchestration;
using Gts.Store.Artifacts;
using Gts.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gts.Dispatch.Tests.Orchestration;

/// <summary>The dispatcher cycle on a real SQLite store with an in-process executor and a fake clock.</summary>
public sealed class DispatcherTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-dispatcher-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddYears(56));
    private SqliteMetadataStore _store = null!;
    private FileArtifactStore _artifacts = null!;
    private InMemoryExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteMetadataStore(Path.Combine(_dir, "gts.db"));
        await _store.InitializeAsync(CancellationToken.None);
        _artifacts = new FileArtifactStore(Path.Combine(_dir, "artifacts"));
        _executor = new InMemoryExecutor(_store, _artifacts, _time);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Dispatcher NewDispatcher(IPlacementPolicy? policy = null) =>
        new(_store, [_executor], policy ?? new FirstFitPlacement(), new DispatcherOptions(["gts"]) { Retry = new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60)) },
            _time, NullLogger.Instance);

    private async Task SubmitAsync(string id, params StepSpec[] steps)
    {
        var (run, records) = RunPlanner.Plan(id, new RunSpec(id, steps), _time.GetUtcNow());
        await _store.CreateRunAsync(run, records, CancellationToken.None);
    }

    private async Task CyclesAsync(Dispatcher d, int n)
    {
        for (int i = 0; i < n; i++) await d.RunCycleAsync(CancellationToken.None);
    }

    private async Task<StepRecord> StepAsync(string run, string step) => (await _store.GetStepAsync(run, step, CancellationToken.None))!;

    private static StepSpec Write(string id, string text) => new(id, "write") { Args = new Dictionary<string, string> { ["text"] = text }, Outputs = ["out"] };

    [Theory]
    [InlineData("first-fit")]
    [InlineData("scheduler")]
    public async Task A_dag_runs_in_dependency_order_and_passes_artifacts_along(string policy)
    {
        await SubmitAsync("r1", Write("a", "A"), Write("b", "B"),
            new StepSpec("c", "concat") { Inputs = new Dictionary<string, string> { ["1"] = "a:out", ["2"] = "b:out" }, Args = new Dictionary<string, string> { ["separator"] = "+" }, Outputs = ["out"] });

        await CyclesAsync(NewDispatcher(policy == "first-fit" ? new FirstFitPlacement() : ScheduledPlacement.Default), 6);

        Assert.Equal(RunState.Succeeded, (await _store.GetRunAsync("r1", CancellationToken.None))!.State);
        var c = await _store.GetResultAsync("r1", "c", 1, CancellationToken.None);
        await using var s = _artifacts.OpenRead(c!.Outputs["out"]);
        Assert.Equal("A+B", await new StreamReader(s).ReadToEndAsync());
    }

    [Fact]
    public async Task A_retryable_failure_is_retried_after_the_backoff_and_not_before()
    {
        await SubmitAsync("r1", new StepSpec("f", "flaky") { Args = new Dictionary<string, string> { ["succeed_on"] = "2" }, Outputs = ["out"] });
        var d = NewDispatcher();
        await CyclesAsync(d, 3);
        var waiting = await StepAsync("r1", "f");
        Assert.Equal((StepState.Ready, 1), (waiting.State, waiting.Attempt));
        Assert.Equal(_time.GetUtcNow().AddSeconds(2), waiting.NotBefore);

        _time.Advance(TimeSpan.FromSeconds(1));
        await CyclesAsync(d, 2);
        Assert.Equal(1, (await StepAsync("r1", "f")).Attempt);

        _time.Advance(TimeSpan.FromSeconds(1));
        await CyclesAsync(d, 3);
        var done = await StepAsync("r1", "f");
        Assert.Equal((StepState.Succeeded, 2), (done.State, done.Attempt));
        Assert.Equal(2, _executor.Submissions);
    }

    [Fact]
    public async Task Cancelling_a_run_stops_its_running_step_and_skips_the_rest()
    {
        await SubmitAsync("r1", new StepSpec("long", "sleep"), new StepSpec("after", "sleep") { DependsOn = ["long"] });
        _executor.Hold.Add("long");
        var d = NewDispatcher();
        await CyclesAsync(d, 3);
        Assert.Equal(StepState.Running, (await StepAsync("r1", "long")).State);

        Assert.True(await _store.RequestCancelAsync("r1", null, CancellationToken.None));
        await CyclesAsync(d, 4);

        Assert.Equal(RunState.Cancelled, (await _store.GetRunAsync("r1", CancellationToken.None))!.State);
        Assert.Equal(StepState.Cancelled, (await StepAsync("r1", "long")).State);
        Assert.Equal(StepState.Cancelled, (await StepAsync("r1", "after")).State);
    }

    [Fact]
    public async Task A_crash_between_submit_and_commit_is_reconciled_without_a_second_launch()
    {
        await SubmitAsync("r1", Write("a", "x"));
        _executor.CrashAfterNextSubmit = true;
        await Assert.ThrowsAsync<OperationCanceledException>(() => NewDispatcher().RunCycleAsync(CancellationToken.None));
        var orphan = await StepAsync("r1", "a");
        Assert.Equal(StepState.Placed, orphan.State);
        Assert.Null(orphan.ExternalId);

        await CyclesAsync(NewDispatcher(), 3); // the restarted dispatcher

        Assert.Equal(StepState.Succeeded, (await StepAsync("r1", "a")).State);
        Assert.Equal(1, _executor.Submissions);
    }

    [Fact]
    public async Task A_step_with_the_same_inputs_as_an_earlier_success_is_a_cache_hit()
    {
        await SubmitAsync("r1", Write("a", "same"));
        var d = NewDispatcher();
        await CyclesAsync(d, 3);
        await SubmitAsync("r2", Write("a", "same"));
        await CyclesAsync(d, 2);

        var hit = await StepAsync("r2", "a");
        Assert.Equal(StepState.Succeeded, hit.State);
        Assert.Contains("cache hit: r1/a", hit.Message, StringComparison.Ordinal);
        Assert.Equal(1, _executor.Submissions);
        Assert.NotNull(await _store.GetResultAsync("r2", "a", 1, CancellationToken.None));
    }

    [Theory]
    [InlineData("first-fit")]
    [InlineData("scheduler")]
    public async Task A_step_no_pool_can_hold_fails_as_never_schedulable(string policy)
    {
        await SubmitAsync("r1", new StepSpec("huge", "sleep") { Resources = new StepResources(Gpus: 64) });
        await CyclesAsync(NewDispatcher(policy == "first-fit" ? new FirstFitPlacement() : ScheduledPlacement.Default), 2);
        var s = await StepAsync("r1", "huge");
        Assert.Equal(StepState.Failed, s.State);
        Assert.Contains("never schedulable", s.Message, StringComparison.Ordinal);
        Assert.Equal(RunState.Failed, (await _store.GetRunAsync("r1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Decisions_made_on_a_stale_snapshot_are_discarded()
    {
        await SubmitAsync("r1", Write("a", "x"));
        var stale = new StaleOnce(_store);
        var d = new Dispatcher(stale, [_executor], new FirstFitPlacement(), new DispatcherOptions(["gts"]), _time, NullLogger.Instance);

        Assert.False(await d.RunCycleAsync(CancellationToken.None));
        Assert.Equal(StepState.Waiting, (await StepAsync("r1", "a")).State);
        Assert.Equal(0, _executor.Submissions);
        Assert.True(await d.RunCycleAsync(CancellationToken.None));
    }

    /// <summary>A store whose first commit finds that another writer got there first.</summary>
    private sealed class StaleOnce(SqliteMetadataStore inner) : Gts.Core.Store.IMetadataStore
    {
        private bool _done;
        public Task InitializeAsync(CancellationToken c) => inner.InitializeAsync(c);
        public Task CreateRunAsync(RunRecord r, IReadOnlyList<StepRecord> s, CancellationToken c) => inner.CreateRunAsync(r, s, c);
        public Task<RunRecord?> GetRunAsync(string r, CancellationToken c) => inner.GetRunAsync(r, c);
        public Task<IReadOnlyList<RunRecord>> ListRunsAsync(int l, CancellationToken c) => inner.ListRunsAsync(l, c);
        public Task<IReadOnlyList<StepRecord>> GetStepsAsync(string r, CancellationToken c) => inner.GetStepsAsync(r, c);
        public Task<StepRecord?> GetStepAsync(string r, string s, CancellationToken c) => inner.GetStepAsync(r, s, c);
        public Task<IReadOnlyList<(RunRecord Run, IReadOnlyList<StepRecord> Steps)>> GetActiveRunsAsync(CancellationToken c) => inner.GetActiveRunsAsync(c);
        public async Task<bool> TryCommitAsync(RunChange change, CancellationToken c)
        {
            if (!_done) { _done = true; await inner.RequestCancelAsync("nobody", null, c); return false; }
            return await inner.TryCommitAsync(change, c);
        }
        public Task<StepResult> RecordResultAsync(StepResult r, CancellationToken c) => inner.RecordResultAsync(r, c);
        public Task<StepResult?> GetResultAsync(string r, string s, int a, CancellationToken c) => inner.GetResultAsync(r, s, a, c);
        public Task<StepResult?> FindCachedResultAsync(string k, string h, CancellationToken c) => inner.FindCachedResultAsync(k, h, c);
        public Task<bool> RequestCancelAsync(string r, string? s, CancellationToken c) => inner.RequestCancelAsync(r, s, c);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
