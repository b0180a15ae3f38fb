using Gts.Core.Metrics;

namespace Gts.Core.Tests.Metrics;

public sealed class ClassificationReportTests
{
    [Fact]
    public void Binary_metrics_match_hand_computed_values()
    {
        // gold/pred: TP=3 (1,1), FN=1 (1,0), FP=2 (0,1), TN=4 (0,0)
        int[] gold = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
        int[] pred = [1, 1, 1, 0, 1, 1, 0, 0, 0, 0];
        var r = ClassificationReport.Compute(gold, pred, 2);

        Assert.Equal(0.7, r.Accuracy, 12);
        double mcc = (3.0 * 4 - 2.0 * 1) / Math.Sqrt(5.0 * 5 * 4 * 6); // (TP·TN − FP·FN)/sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN))
        Assert.Equal(mcc, r.Mcc, 12);
        Assert.Equal(3.0 / 5, r.PerClass[1].Precision, 12);
        Assert.Equal(3.0 / 4, r.PerClass[1].Recall, 12);
        double f1Pos = 2 * 0.6 * 0.75 / 1.35, f1Neg = 2 * (4.0 / 5) * (4.0 / 6) / (4.0 / 5 + 4.0 / 6);
        Assert.Equal((f1Pos + f1Neg) / 2, r.MacroF1, 12);
        Assert.Equal(2, r.Confusion[0][1]);
        Assert.Equal(1, r.Confusion[1][0]);
    }

    [Fact]
    public void Macro_f1_ignores_labels_absent_from_gold_and_predictions()
    {
        var r = ClassificationReport.Compute([0, 1, 0, 1], [0, 1, 0, 1], 5);
        Assert.Equal(1.0, r.MacroF1, 12);
        Assert.Equal(1.0, r.Mcc, 12);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_with_both_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0], 2));
        Assert.Contains("2", e.Message, StringComparison.Ordinal);
        Assert.Contains("1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mean_std_uses_population_deviation()
    {
        var m = MeanStd.Of([0.5, 0.7]);
        Assert.Equal(0.6, m.Mean, 12);
        Assert.Equal(0.1, m.Std, 12);
        Assert.Equal("60.0 ± 10.0", m.Format());
    }
}
