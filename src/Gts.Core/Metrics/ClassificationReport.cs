namespace Gts.Core.Metrics;

/// <summary>Test-set metrics of one classifier: accuracy, macro-F1, MCC, per-class scores and the confusion matrix.</summary>
public sealed record ClassificationReport
{
    public required int Count { get; init; }

    public required double Accuracy { get; init; }

    /// <summary>Mean F1 over the labels that occur in the gold labels or the predictions (scikit-learn's macro average).</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Matthews correlation coefficient, multi-class form (Gorodkin 2004), equal to the binary MCC for two classes.</summary>
    public required double Mcc { get; init; }

    public required IReadOnlyList<ClassScore> PerClass { get; init; }

    /// <summary>Confusion counts, row = gold label, column = predicted label.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; }

    /// <summary>Computes every metric from gold and predicted label indices.</summary>
    public static ClassificationReport Compute(IReadOnlyList<int> gold, IReadOnlyList<int> predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"gold has {gold.Count} labels but predicted has {predicted.Count}.", nameof(predicted));
        if (classCount < 1) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "need at least one class");

        var confusion = new int[classCount][];
        for (int i = 0; i < classCount; i++) confusion[i] = new int[classCount];
        int correct = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            int g = gold[i], p = predicted[i];
            if ((uint)g >= (uint)classCount || (uint)p >= (uint)classCount)
                throw new ArgumentOutOfRangeException(nameof(gold), $"label index out of range at {i}: gold {g}, predicted {p}, classes {classCount}");
            confusion[g][p]++;
            if (g == p) correct++;
        }

        var perClass = new ClassScore[classCount];
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < classCount; c++)
        {
            int tp = confusion[c][c], support = 0, predictedCount = 0;
            for (int k = 0; k < classCount; k++) { support += confusion[c][k]; predictedCount += confusion[k][c]; }
            double precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            double recall = support == 0 ? 0 : (double)tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassScore(c, precision, recall, f1, support, predictedCount);
            if (support > 0 || predictedCount > 0) { f1Sum += f1; present++; }
        }

        return new ClassificationReport
        {
            Count = gold.Count,
            Accuracy = gold.Count == 0 ? 0 : (double)correct / gold.Count,
            MacroF1 = present == 0 ? 0 : f1Sum / present,
            Mcc = MatthewsCorrelation(confusion, correct, gold.Count),
            PerClass = perClass,
            Confusion = confusion,
        };
    }

    // Multi-class MCC as scikit-learn's matthews_corrcoef: (c*s - sum p_k t_k) / sqrt((s^2 - sum p_k^2)(s^2 - sum t_k^2)).
    private static double MatthewsCorrelation(int[][] confusion, int correct, int total)
    {
        int n = confusion.Length;
        double covYtYp = (double)correct * total, covYpYp = (double)total * total, covYtYt = covYpYp;
        for (int k = 0; k < n; k++)
        {
            double t = 0, p = 0;
            for (int j = 0; j < n; j++) { t += confusion[k][j]; p += confusion[j][k]; }
            covYtYp -= p * t;
            covYpYp -= p * p;
            covYtYt -= t * t;
        }
        double denominator = Math.Sqrt(covYtYt * covYpYp);
        return denominator == 0 ? 0 : covYtYp / denominator;
    }
}
