namespace Gts.Factory.Baselines;

/// <summary>L2-regularised logistic regression with scikit-learn's objective: minimise sum_i loss_i + ||W||^2 / (2 C), intercepts
/// not penalised, no class weights. Two classes: one weight vector, positive class = label 1; more: softmax over one vector per class.
/// Solved to the optimum by <see cref="Lbfgs"/> (stop at max |gradient| &lt;= 1e-7 n).</summary>
public sealed class LogisticRegression
{
    private readonly double[] _weights; // feature-major: weight of (feature j, output k) at j * outputs + k; intercepts after D * outputs
    private readonly int _outputs;

    private LogisticRegression(double[] weights, int features, int classes, int iterations)
    {
        _weights = weights;
        Features = features;
        Classes = classes;
        _outputs = classes == 2 ? 1 : classes;
        Iterations = iterations;
    }

    public int Features { get; }

    public int Classes { get; }

    /// <summary>L-BFGS iterations the fit took.</summary>
    public int Iterations { get; }

    /// <summary>Weight of a feature for an output (binary: output 0 only); intercept at feature index = Features.</summary>
    public double Weight(int feature, int output) => _weights[feature * _outputs + output];

    public static LogisticRegression Fit(IReadOnlyList<SparseVector> rows, IReadOnlyList<int> labels, int features, int classes, double c = 1.0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count != labels.Count) throw new ArgumentException($"{rows.Count} rows but {labels.Count} labels.", nameof(labels));
        if (rows.Count == 0) throw new ArgumentException("no training rows.", nameof(rows));
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c);
        foreach (var label in labels)
            if ((uint)label >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(labels), label, $"labels must be in 0..{classes - 1}");

        int outputs = classes == 2 ? 1 : classes;
        var weights = new double[(features + 1) * outputs];
        var objective = new LogisticObjective(rows, labels, features, outputs, c);
        int n = rows.Count;
        int iterations = Lbfgs.Minimize(objective.Evaluate, weights, 1e-7 * n, 1e-5 * n);
        return new LogisticRegression(weights, features, classes, iterations);
    }

    /// <summary>Class scores (binary: one score, class 1 iff &gt; 0).</summary>
    public double[] Scores(SparseVector row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var z = new double[_outputs];
        for (int k = 0; k < _outputs; k++) z[k] = _weights[Features * _outputs + k];
        for (int i = 0; i < row.Count; i++)
        {
            int j = row.Indices[i];
            if (j >= Features) continue; // a column the model never saw
            double v = row.Values[i];
            for (int k = 0; k < _outputs; k++) z[k] += v * _weights[j * _outputs + k];
        }
        return z;
    }

    /// <summary>The arg-max class; ties go to the lower label index.</summary>
    public int Predict(SparseVector row)
    {
        var z = Scores(row);
        if (_outputs == 1) return z[0] > 0 ? 1 : 0;
        int best = 0;
        for (int k = 1; k < z.Length; k++)
            if (z[k] > z[best]) best = k;
        return best;
    }
}
