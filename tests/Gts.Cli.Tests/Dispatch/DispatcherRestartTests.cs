using System.Diagnostics;
using Gts.Core.Runs;
using Gts.Dispatch.Orchestration;
using Gts.Store.Artifacts;
using Gts.Store.Sqlite;

namespace Gts.Cli.Tests.Dispatch;

/// <summary>Kills the real `gts dispatcher` process (SIGKILL) twice while a run's steps are running as real
/// worker processes, restarts it, and checks that the run finishes with every step done exactly once.</summary>
public sealed class DispatcherRestartTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("gts-restart-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_home, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_killed_dispatcher_restarts_reconciles_and_loses_no_run_step_or_result()
    {
        var db = Path.Combine(_home, "gts.db");
        var spec = new RunSpec("restart",
        [
            new StepSpec("a", "write") { Args = new Dictionary<string, string> { ["text"] = "hello" }, Outputs = ["out"] },
            new StepSpec("b", "sleep") { Args = new Dictionary<string, string> { ["seconds"] = "2" }, Tasks = 3, DependsOn = ["a"] },
            new StepSpec("c", "sleep") { Args = new Dictionary<string, string> { ["seconds"] = "2" }, DependsOn = ["b"], Outputs = ["out"] },
            new StepSpec("d", "concat") { Inputs = new Dictionary<string, string> { ["1"] = "a:out", ["2"] = "c:out" }, Outputs = ["out"] },
        ]);
        await using var store = new SqliteMetadataStore(db);
        await store.InitializeAsync(CancellationToken.None);
        var (run, steps) = RunPlanner.Plan("r1", spec, DateTimeOffset.UtcNow);
        await store.CreateRunAsync(run, steps, CancellationToken.None);

        // Kill while the batch runs, then again while the last sleep runs.
        await KillWhenAsync(store, s => s.Any(x => x.BatchId == "b" && x.State == StepState.Running));
        await KillWhenAsync(store, s => s.Any(x => x.StepId == "c" && x.State == StepState.Running));
        using (var last = StartDispatcher("--until-idle"))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await last.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, last.ExitCode);
        }

        Assert.Equal(RunState.Succeeded, (await store.GetRunAsync("r1", CancellationToken.None))!.State);
        var final = await store.GetStepsAsync("r1", CancellationToken.None);
        Assert.Equal(6, final.Count);
        foreach (var s in final)
        {
            Assert.Equal((s.StepId, StepState.Succeeded, 1), (s.StepId, s.State, s.Attempt));
            Assert.NotNull(await store.GetResultAsync("r1", s.StepId, 1, CancellationToken.None));
            // Launched exactly once: one task directory in the local executor carries this step's key.
            Assert.Equal(1, LaunchedTaskKeys().Count(k => k == $"r1/{s.StepId}/1"));
        }
        var d = await store.GetResultAsync("r1", "d", 1, CancellationToken.None);
        await using var output = new FileArtifactStore(Path.Combine(_home, "artifacts")).OpenRead(d!.Outputs["out"]);
        Assert.Equal("hello\nslept 2 s", await new StreamReader(output).ReadToEndAsync());
    }

    private async Task KillWhenAsync(SqliteMetadataStore store, Func<IReadOnlyList<StepRecord>, bool> condition)
    {
        using var dispatcher = StartDispatcher();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition(await store.GetStepsAsync("r1", CancellationToken.None)))
        {
            Assert.False(dispatcher.HasExited, "the dispatcher exited on its own");
            Assert.True(DateTime.UtcNow < deadline, "the run did not reach the kill point in time");
            await Task.Delay(100);
        }
        dispatcher.Kill(entireProcessTree: false); // SIGKILL: no cleanup, workers keep running
        await dispatcher.WaitForExitAsync();
    }

    private Process StartDispatcher(params string[] extra) =>
        GtsProcesses.Start(_home, null, ["dispatcher", "--no-slurm", "--interval-ms", "100", "--local-cpus", "4", .. extra]);

    private IEnumerable<string> LaunchedTaskKeys() => GtsProcesses.LaunchedTaskKeys(_home);
}
