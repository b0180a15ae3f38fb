using System.Diagnostics;
using System.Text;
using Gts.Core.Runs;
using Gts.Store.Sqlite;

namespace Gts.Cli.Tests.Dispatch;

/// <summary>Kills a real `gts produce` (SIGKILL, with its worker processes) after the teacher is trained, runs the same
/// command again, and checks that the run is resumed: finished steps are not run again and the model is exported.</summary>
public sealed class ProduceResumeTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("gts-produce-resume-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_home, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_killed_produce_resumes_from_its_last_finished_step()
    {
        var recipe = WriteRecipe();
        await using var store = new SqliteMetadataStore(Path.Combine(_home, "gts.db"));

        var first = new StringBuilder();
        using (var produce = StartProduce(recipe, first))
        {
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (true)
            {
                Assert.False(produce.HasExited, $"gts produce ended before the kill point:\n{first}");
                Assert.True(DateTime.UtcNow < deadline, $"the teacher was not trained in time:\n{first}");
                if (File.Exists(Path.Combine(_home, "gts.db")) && (await RunSteps(store)).Any(s => s.StepId == "teach" && s.State == StepState.Succeeded)) break;
                await Task.Delay(200);
            }
            produce.Kill(entireProcessTree: true);
            await produce.WaitForExitAsync();
        }
        var beforeResume = (await RunSteps(store)).Where(s => s.State == StepState.Succeeded).Select(s => s.StepId).ToList();
        Assert.Contains("teach", beforeResume);
        Assert.DoesNotContain("export", beforeResume);

        var second = new StringBuilder();
        using (var resumed = StartProduce(recipe, second))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await resumed.WaitForExitAsync(timeout.Token);
            Assert.True(resumed.ExitCode == 0, $"the resumed gts produce failed:\n{second}");
        }
        Assert.Contains("resuming run", second.ToString(), StringComparison.Ordinal);
        var runs = await store.ListRunsAsync(10, CancellationToken.None);
        Assert.Single(runs);
        Assert.Equal(RunState.Succeeded, runs[0].State);
        foreach (var step in await RunSteps(store))
        {
            Assert.Equal(StepState.Succeeded, step.State);
            if (beforeResume.Contains(step.StepId))
                Assert.Equal(1, LaunchedTaskKeys().Count(k => k.StartsWith($"{runs[0].Id}/{step.StepId}/", StringComparison.Ordinal)));
        }
        Assert.True(File.Exists(Path.Combine(_home, "model", "model.onnx")), $"no exported student:\n{second}");
    }

    private async Task<IReadOnlyList<StepRecord>> RunSteps(SqliteMetadataStore store)
    {
        var runs = await store.ListRunsAsync(10, CancellationToken.None);
        return runs.Count == 0 ? [] : await store.GetStepsAsync(runs[0].Id, CancellationToken.None);
    }

    private string WriteRecipe()
    {
        var samples = Path.Combine(RepoRoot(), "samples", "reviews");
        var path = Path.Combine(_home, "recipe.yaml");
        File.WriteAllText(path, $$"""
            name: resume-test
            data:
              train: {{samples}}/train.jsonl
              dev: {{samples}}/dev.jsonl
              test: {{samples}}/test.jsonl
              unlabeled: {{samples}}/unlabeled.jsonl
              labels: {{samples}}/labels.txt
            steps:
              teach: { encoders: [minilm], max_pairs: 32 }
              generate: { per_example: 1, max_pool: 100 }
              label: { rounds: 1 }
              distill: { epochs: 2 }
            output: {{Path.Combine(_home, "model")}}
            """);
        return path;
    }

    private Process StartProduce(string recipe, StringBuilder output) => GtsProcesses.Start(_home, output, "produce", recipe, "--no-slurm");

    private IEnumerable<string> LaunchedTaskKeys() => GtsProcesses.LaunchedTaskKeys(_home);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gts.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run the tests inside the repository");
    }
}
