using Gts.Core.Errors;
using Gts.Core.Runs;
using Gts.Core.Store;
using Gts.Testing;

namespace Gts.Store.Tests;

/// <summary>The one test suite every metadata store passes.</summary>
public abstract class MetadataStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);

    protected IMetadataStore Store { get; private set; } = null!;

    protected abstract Task<IMetadataStore> CreateStoreAsync();

    protected virtual Task DropStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await DropStoreAsync();
    }

    private static RunRecord Run(string id, int minute = 0) =>
        new(id, "run " + id, RunState.Running, T0.AddMinutes(minute)) { Tenant = "t1", Queue = "q1", Priority = 3 };

    private static StepRecord Step(string run, string id, StepState state = StepState.Waiting) =>
        new(run, id, "sleep", state)
        {
            Args = new Dictionary<string, string> { ["seconds"] = "1", ["note"] = "ünïcode \"quoted\"" },
            DependsOn = ["a", "b"],
            Inputs = new Dictionary<string, string> { ["data"] = "a:out" },
            Outputs = ["model"],
            Resources = new StepResources(4, 8000, 2, 2, TimeSpan.FromMinutes(3)),
            BatchId = "batch",
            TaskIndex = 7,
            MaxAttempts = 5,
            CreatedAt = T0,
        };

    [ServiceFact]
    public async Task A_run_and_its_steps_read_back_field_for_field()
    {
        var step = Step("r1", "s1") with { NotBefore = T0.AddSeconds(5), Pool = "local", LaunchKey = "k", ExternalId = "x", Assignment = "node=n1 gpus=0,1", ExitCode = 3, Message = "m", InputHash = "h", StartedAt = T0.AddSeconds(1), FinishedAt = T0.AddSeconds(2), Attempt = 2 };
        await Store.CreateRunAsync(Run("r1"), [step, Step("r1", "s2")], CancellationToken.None);

        var run = await Store.GetRunAsync("r1", CancellationToken.None);
        Assert.Equal(Run("r1"), run);
        var steps = await Store.GetStepsAsync("r1", CancellationToken.None);
        Assert.Equal(2, steps.Count);
        var back = await Store.GetStepAsync("r1", "s1", CancellationToken.None);
        Assert.NotNull(back);
        Assert.Equal(step.Args, back.Args);
        Assert.Equal(step.DependsOn, back.DependsOn);
        Assert.Equal(step.Inputs, back.Inputs);
        Assert.Equal(step.Outputs, back.Outputs);
        Assert.Equal(step.Resources, back.Resources);
        Assert.Equal(step with { Args = back.Args, DependsOn = back.DependsOn, Inputs = back.Inputs, Outputs = back.Outputs }, back);
        Assert.Null(await Store.GetRunAsync("nope", CancellationToken.None));
        Assert.Null(await Store.GetStepAsync("r1", "nope", CancellationToken.None));
    }

    [ServiceFact]
    public async Task A_second_run_with_the_same_id_is_refused_and_the_first_is_kept()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s1")], CancellationToken.None);
        var e = await Assert.ThrowsAsync<GtsException>(() => Store.CreateRunAsync(Run("r1"), [Step("r1", "other")], CancellationToken.None));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Contains("r1", e.Message, StringComparison.Ordinal);
        Assert.Equal(["s1"], (await Store.GetStepsAsync("r1", CancellationToken.None)).Select(s => s.StepId));
    }

    [ServiceFact]
    public async Task Creating_a_run_is_all_or_nothing()
    {
        // The second step repeats the first's primary key, so the insert fails half-way.
        await Assert.ThrowsAnyAsync<Exception>(() => Store.CreateRunAsync(Run("r1"), [Step("r1", "s1"), Step("r1", "s1")], CancellationToken.None));
        Assert.Null(await Store.GetRunAsync("r1", CancellationToken.None));
        Assert.Empty(await Store.GetStepsAsync("r1", CancellationToken.None));
    }

    [ServiceFact]
    public async Task A_commit_writes_every_row_and_bumps_versions()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s1"), Step("r1", "s2")], CancellationToken.None);
        var steps = await Store.GetStepsAsync("r1", CancellationToken.None);
        var change = new RunChange([Run("r1") with { Message = "busy" }], steps.Select(s => s with { State = StepState.Ready }).ToList());

        Assert.True(await Store.TryCommitAsync(change, CancellationToken.None));

        var after = await Store.GetStepsAsync("r1", CancellationToken.None);
        Assert.All(after, s => Assert.Equal((StepState.Ready, 1L), (s.State, s.Version)));
        var run = await Store.GetRunAsync("r1", CancellationToken.None);
        Assert.Equal(("busy", 1L), (run!.Message, run.Version));
    }

    [ServiceFact]
    public async Task A_commit_with_one_stale_row_writes_nothing()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s1"), Step("r1", "s2")], CancellationToken.None);
        var s1 = await Store.GetStepAsync("r1", "s1", CancellationToken.None);
        var s2 = await Store.GetStepAsync("r1", "s2", CancellationToken.None);
        Assert.True(await Store.TryCommitAsync(RunChange.Of(s2! with { Message = "moved on" }), CancellationToken.None));

        var stale = RunChange.Of(s1! with { State = StepState.Ready }, s2! with { State = StepState.Ready });
        Assert.False(await Store.TryCommitAsync(stale, CancellationToken.None));

        Assert.Equal(StepState.Waiting, (await Store.GetStepAsync("r1", "s1", CancellationToken.None))!.State);
        Assert.Equal("moved on", (await Store.GetStepAsync("r1", "s2", CancellationToken.None))!.Message);
    }

    [ServiceFact]
    public async Task Of_two_concurrent_commits_from_the_same_snapshot_exactly_one_wins()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s1")], CancellationToken.None);
        var s1 = (await Store.GetStepAsync("r1", "s1", CancellationToken.None))!;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.TryCommitAsync(RunChange.Of(s1 with { Message = $"writer {i}" }), CancellationToken.None))));
        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, (await Store.GetStepAsync("r1", "s1", CancellationToken.None))!.Version);
    }

    [ServiceFact]
    public async Task Active_runs_are_the_running_ones_with_all_their_steps()
    {
        await Store.CreateRunAsync(Run("r1", 0), [Step("r1", "a"), Step("r1", "b", StepState.Succeeded)], CancellationToken.None);
        await Store.CreateRunAsync(Run("r2", 1) with { State = RunState.Succeeded }, [Step("r2", "a")], CancellationToken.None);
        await Store.CreateRunAsync(Run("r3", 2), [Step("r3", "a")], CancellationToken.None);

        var active = await Store.GetActiveRunsAsync(CancellationToken.None);

        Assert.Equal(["r1", "r3"], active.Select(a => a.Run.Id));
        Assert.Equal(["a", "b"], active[0].Steps.Select(s => s.StepId));
    }

    [ServiceFact]
    public async Task Runs_list_newest_first_up_to_the_limit()
    {
        for (int i = 0; i < 5; i++) await Store.CreateRunAsync(Run($"r{i}", i), [], CancellationToken.None);
        Assert.Equal(["r4", "r3", "r2"], (await Store.ListRunsAsync(3, CancellationToken.None)).Select(r => r.Id));
    }

    [ServiceFact]
    public async Task The_first_result_of_an_attempt_wins()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s1")], CancellationToken.None);
        var first = new StepResult("r1", "s1", 1, 0, T0) { Kind = "sleep", InputHash = "h1", Outputs = new Dictionary<string, string> { ["model"] = new('a', 64) } };
        Assert.Equal(first.Outputs, (await Store.RecordResultAsync(first, CancellationToken.None)).Outputs);

        var again = await Store.RecordResultAsync(first with { ExitCode = 9, Outputs = new Dictionary<string, string>() }, CancellationToken.None);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first.Outputs, again.Outputs);
        Assert.Equal(0, (await Store.GetResultAsync("r1", "s1", 1, CancellationToken.None))!.ExitCode);
        Assert.Null(await Store.GetResultAsync("r1", "s1", 2, CancellationToken.None));
    }

    [ServiceFact]
    public async Task A_cache_hit_needs_the_same_kind_and_input_hash_and_a_success()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s1"), Step("r1", "s2")], CancellationToken.None);
        await Store.RecordResultAsync(new StepResult("r1", "s1", 1, 3, T0) { Kind = "teach", InputHash = "h" }, CancellationToken.None);
        Assert.Null(await Store.FindCachedResultAsync("teach", "h", CancellationToken.None));

        await Store.RecordResultAsync(new StepResult("r1", "s2", 1, 0, T0) { Kind = "teach", InputHash = "h" }, CancellationToken.None);

        Assert.Equal("s2", (await Store.FindCachedResultAsync("teach", "h", CancellationToken.None))?.StepId);
        Assert.Null(await Store.FindCachedResultAsync("distill", "h", CancellationToken.None));
        Assert.Null(await Store.FindCachedResultAsync("teach", "other", CancellationToken.None));
    }

    [ServiceFact]
    public async Task Cancelling_marks_the_run_or_every_task_of_a_batch_and_makes_old_snapshots_stale()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s[0]"), Step("r1", "s[1]"), Step("r1", "solo") with { BatchId = null }], CancellationToken.None);
        var before = (await Store.GetStepAsync("r1", "s[0]", CancellationToken.None))!;

        Assert.True(await Store.RequestCancelAsync("r1", "batch", CancellationToken.None));
        Assert.True(await Store.RequestCancelAsync("r1", null, CancellationToken.None));
        Assert.False(await Store.RequestCancelAsync("nope", null, CancellationToken.None));
        Assert.False(await Store.RequestCancelAsync("r1", "nope", CancellationToken.None));

        Assert.True((await Store.GetRunAsync("r1", CancellationToken.None))!.CancelRequested);
        var steps = await Store.GetStepsAsync("r1", CancellationToken.None);
        Assert.Equal([true, true, false], steps.OrderBy(s => s.StepId, StringComparer.Ordinal).Select(s => s.CancelRequested));
        Assert.False(await Store.TryCommitAsync(RunChange.Of(before with { State = StepState.Ready }), CancellationToken.None));
    }

    [ServiceFact]
    public async Task Initializing_again_keeps_the_data()
    {
        await Store.CreateRunAsync(Run("r1"), [Step("r1", "s1")], CancellationToken.None);
        await Store.InitializeAsync(CancellationToken.None);
        Assert.NotNull(await Store.GetRunAsync("r1", CancellationToken.None));
    }
}
