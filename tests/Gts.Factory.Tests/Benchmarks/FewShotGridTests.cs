using Gts.Factory.Benchmarks;

namespace Gts.Factory.Tests.Benchmarks;

public sealed class FewShotGridTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gts-grid-").FullName;

    public FewShotGridTests()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "data", "toy")).FullName;
        File.WriteAllLines(Path.Combine(folder, "labels.txt"), ["bad", "good"]);
        string[] good = ["great fun film", "lovely warm story", "great acting", "fun and lovely", "warm great cast", "a lovely great film"];
        string[] bad = ["dull slow film", "boring plot", "slow and dull", "awful boring cast", "dull awful story", "a slow boring film"];
        static string Line(string text, string label) => $"{{\"text\": \"{text}\", \"label\": \"{label}\"}}";
        File.WriteAllLines(Path.Combine(folder, "train.jsonl"), good.Select(t => Line(t, "good")).Concat(bad.Select(t => Line(t, "bad"))));
        File.WriteAllLines(Path.Combine(folder, "test.jsonl"), [Line("great lovely film", "good"), Line("boring dull film", "bad"), Line("warm fun", "good")]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private FewShotGrid Grid(CellStore store) =>
        new(Path.Combine(_root, "data"), new FewShotProfile("test", ["toy"], ["tfidf"], [2, 10], [0, 1], false), store);

    [Fact]
    public void A_rerun_takes_finished_cells_from_the_store_and_recomputes_only_missing_ones()
    {
        var store = new CellStore(Path.Combine(_root, "cells"));
        var first = Grid(store).Run();
        Assert.Equal(4, first.CellsRun);
        Assert.Equal(0, first.CellsCached);
        Assert.Equal(4, Directory.GetFiles(store.Directory, "*.json").Length);
        Assert.Empty(Directory.GetFiles(store.Directory, "*.tmp"));

        File.Delete(store.PathOf(new FewShotCell("toy", "tfidf", FewShotCell.KShot, 2, 1)));
        File.WriteAllText(store.PathOf(new FewShotCell("toy", "tfidf", FewShotCell.KShot, 2, 0)), "{ torn");
        var second = Grid(store).Run();
        Assert.Equal(2, second.CellsRun);
        Assert.Equal(2, second.CellsCached);

        var ran = first.Results.Single(r => r.Cell.K == 2 && r.Cell.Seed == 1);
        var again = second.Results.Single(r => r.Cell.K == 2 && r.Cell.Seed == 1);
        Assert.Equal(ran.Report!.Accuracy, again.Report!.Accuracy);
        Assert.Equal(3, again.Report.Confusion.Sum(row => row.Sum()));
    }

    [Fact]
    public void A_cell_with_too_few_examples_per_class_is_skipped_with_the_reason()
    {
        var run = Grid(new CellStore(Path.Combine(_root, "cells"))).Run();
        var skipped = run.Results.Where(r => r.Cell.K == 10).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, r => Assert.Contains("fewer than 10", r.SkipReason, StringComparison.Ordinal));
        Assert.All(run.Results.Where(r => r.Cell.K == 2), r => Assert.Equal(4, r.TrainCount));
    }
}
