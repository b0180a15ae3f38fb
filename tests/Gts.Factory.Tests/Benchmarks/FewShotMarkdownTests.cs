using Gts.Core.Metrics;
using Gts.Factory.Benchmarks;

namespace Gts.Factory.Tests.Benchmarks;

public sealed class FewShotMarkdownTests
{
    private static FewShotCellResult Result(string dataset, int seed, double accuracy) => new()
    {
        Cell = new FewShotCell(dataset, "minilm", FewShotCell.KShot, 8, seed),
        TrainCount = 16,
        TestCount = 100,
        Report = ClassificationReport.Compute(Enumerable.Range(0, 100).Select(i => i % 2).ToArray(),
            Enumerable.Range(0, 100).Select(i => i < accuracy * 100 ? i % 2 : 1 - i % 2).ToArray(), 2),
    };

    [Fact]
    public void Reference_rows_are_read_from_the_notes_csv_block_and_differences_are_in_points()
    {
        var note = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(note, ["# note", "```csv", "dataset,method,setting,k,seed,n_train,n_test,accuracy,macro_f1,mcc",
                "toy,minilm,kshot,8,0,16,100,0.6000,0.5,0.1", "toy,minilm,kshot,8,1,16,100,0.7000,0.5,0.1", "toy,arctic,kshot,8,0,16,100,0.5,0.5,0.1", "```"]);
            var reference = ReferenceTable.Load(note);
            Assert.Equal(3, reference.Count);
            Assert.Equal(0.5, reference.Find(new FewShotCell("toy", "arcticxs", FewShotCell.KShot, 8, 0))!.Value.Accuracy);

            var run = new FewShotRun([Result("toy", 0, 0.62), Result("toy", 1, 0.75)], [], 2, 0);
            var profile = new FewShotProfile("t", ["toy"], ["minilm"], [8], [0, 1], false);
            var context = new BenchmarkContext("cpu, 2 cores", DateTimeOffset.UnixEpoch, "gts bench fewshot", "data", "1.0", "1.1", TimeSpan.FromMinutes(1));
            var md = FewShotMarkdown.Build(run, profile, reference, context);
            Assert.Contains("| toy | MiniLM+LR | 68.5 ± 6.5 |", md, StringComparison.Ordinal);
            Assert.Contains("+3.50 (5.00)", md, StringComparison.Ordinal); // mean 68.5 vs 65.0; worst seed 75 vs 70
            Assert.Contains("missed on 1 of 1", md, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(note);
        }
    }
}
