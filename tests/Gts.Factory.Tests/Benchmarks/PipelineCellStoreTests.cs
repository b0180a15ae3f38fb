using Gts.Factory.Benchmarks;
using Gts.Factory.Pipeline;

namespace Gts.Factory.Tests.Benchmarks;

public sealed class PipelineCellStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-pipeline-cells-").FullName;

    [Fact]
    public void A_saved_cell_loads_back_with_its_metrics_and_timings()
    {
        var store = new PipelineCellStore(_dir);
        var result = PipelineBenchData.Cell("sst2", PipelineVariant.Full, 1, 0.85, 0.83, 0.6, 0.8);
        store.Save(result);

        var loaded = store.TryLoad(result.Cell);
        Assert.NotNull(loaded);
        Assert.Equal(result.Cell, loaded.Cell);
        Assert.Equal(0.85, loaded.Models[EvaluationReport.Teacher].Accuracy, 10);
        Assert.Equal(result.Models[EvaluationReport.Student].Confusion.Select(r => r.ToArray()), loaded.Models[EvaluationReport.Student].Confusion.Select(r => r.ToArray()));
        Assert.Equal(11, loaded.StepSeconds["teach"]);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Settings_added_with_their_old_meaning_as_default_keep_the_keys_of_cached_English_cells()
    {
        // e4099e8a: the English full-pipeline key since the TF-IDF member (teach.tfidf) and distill.init were added unset.
        Assert.EndsWith(".e4099e8a", new PipelineCell("sst2", PipelineVariant.Full, PipelineCell.KShot, 8, 0).Key, StringComparison.Ordinal);
        var keys = new[] { PipelineVariant.Full, PipelineVariant.TfidfMember, PipelineVariant.StudentStatic }
            .Select(v => new PipelineCell("sst2", v, PipelineCell.KShot, 8, 0).Key.Split('.')[^1]);
        Assert.Equal(3, keys.Distinct().Count());
    }

    [Fact]
    public void A_missing_damaged_or_old_protocol_cell_is_not_loaded_so_it_runs_again()
    {
        var store = new PipelineCellStore(_dir);
        var result = PipelineBenchData.Cell("cr", PipelineVariant.Full, 0, 0.8, 0.8, 0.6, 0.7);
        Assert.Null(store.TryLoad(result.Cell));

        store.Save(result with { Protocol = PipelineCellResult.CurrentProtocol - 1 });
        Assert.Null(store.TryLoad(result.Cell));

        File.WriteAllText(store.PathOf(result.Cell), "{ \"cell\": ");
        Assert.Null(store.TryLoad(result.Cell));

        store.Save(result);
        Assert.NotNull(store.TryLoad(result.Cell));
        Assert.Null(store.TryLoad(result.Cell with { Seed = 1 }));
    }

    [Fact]
    public async Task A_grid_whose_cells_are_all_stored_runs_nothing_and_needs_no_data()
    {
        var store = new PipelineCellStore(_dir);
        var profile = new PipelineProfile("tiny", ["sst2", "cr"], [0, 1], 8, []);
        foreach (var dataset in profile.Datasets)
            foreach (var cell in profile.CellsOf(dataset))
                store.Save(PipelineBenchData.Cell(dataset, cell.Variant, cell.Seed, 0.8, 0.79, 0.6, 0.75));

        var grid = new PipelineGrid(Path.Combine(_dir, "no-such-data"), profile, store, Path.Combine(_dir, "work"),
            _ => throw new InvalidOperationException("a cached grid must not run a pipeline"));
        var run = await grid.RunAsync();

        Assert.Equal(0, run.CellsRun);
        Assert.Equal(4, run.CellsCached);
        Assert.Equal(4, run.Results.Count);
        Assert.Null(run.Teacher);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
