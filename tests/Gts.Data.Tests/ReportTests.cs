using Gts.Core.Data;
using Gts.Data.Reports;

namespace Gts.Data.Tests;

public sealed class ReportTests
{
    [Fact]
    public void Length_stats_use_nearest_rank_percentiles()
    {
        var s = LengthStats.Of([10, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal((1, 5, 9, 10), (s.Min, s.P50, s.P90, s.Max));
        Assert.Equal(5.5, s.Mean, 6);
        Assert.Equal(LengthStats.Empty, LengthStats.Of([]));
    }

    [Fact]
    public void Report_counts_rows_classes_and_lengths_per_split()
    {
        var d = new Dataset
        {
            Name = "toy",
            Labels = new LabelSet(["neg", "pos"]),
            Train = [new("good  phone", null, 1), new("bad", null, 0), new("very good", null, 1)],
            Test = [new("bad", null, 0)],
            Unlabeled = [Example.Pool("meh")],
        };
        var r = DataReport.Build(d);
        Assert.Equal(["train", "test", "unlabeled"], r.Splits.Select(s => s.Name));
        Assert.Equal([1, 2], r.Splits[0].ClassCounts);
        Assert.Equal(3, r.Splits[0].Rows);
        Assert.Equal((3, 9, 11), (r.Splits[0].Chars.Min, r.Splits[0].Chars.P50, r.Splits[0].Chars.Max));
        Assert.Equal((1, 2, 2), (r.Splits[0].Tokens.Min, r.Splits[0].Tokens.P50, r.Splits[0].Tokens.Max));
        Assert.Empty(r.Splits[2].ClassCounts);
        Assert.Single(r.Warnings);
    }
}
