using Gts.Planner.Timing;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Gts.Planner.Validation;

/// <summary>Fits the efficiency parameters to measured runs by minimising their mean absolute percentage error,
/// each row's error capped at <see cref="ErrorCap"/> % so that a row the model cannot represent does not drag
/// every other row (a robust, Tukey-style loss; reported errors are never capped). Nelder–Mead on unconstrained
/// transforms (logits for fractions, logs for sizes), restarted from its own optimum until it stops improving.</summary>
public static class Calibrator
{
    /// <summary>The parameters that best predict <paramref name="runs"/>, starting from <paramref name="start"/>.</summary>
    public static EfficiencyParameters Fit(IReadOnlyList<ReconstructedRun> runs, EfficiencyParameters start)
    {
        var families = runs.Select(r => r.Cluster.Gpu.Family).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var x = Vector<double>.Build.DenseOfArray(Encode(start, families));
        double best = double.MaxValue;
        for (int restart = 0; restart < 4; restart++)
        {
            var objective = ObjectiveFunction.Value(v => CappedError(runs, Decode(v.ToArray(), families, start)));
            var solver = new NelderMeadSimplex(1e-7, 20000);
            var step = Vector<double>.Build.Dense(x.Count, 0.5);
            var result = solver.FindMinimum(objective, x, step);
            x = result.MinimizingPoint;
            if (result.FunctionInfoAtMinimum.Value > best - 1e-6) break;
            best = result.FunctionInfoAtMinimum.Value;
        }
        return Decode(x.ToArray(), families, start);
    }

    /// <summary>Largest error (percent) one row contributes to the fit.</summary>
    public const double ErrorCap = 50;

    /// <summary>The fit's loss: mean of min(APE, cap).</summary>
    public static double CappedError(IReadOnlyList<ReconstructedRun> runs, EfficiencyParameters eff) =>
        runs.Average(r => Math.Min(ErrorCap, RowPrediction.Predict(r, true, eff).ThroughputApe));

    /// <summary>Mean absolute percentage error of the throughput predictions.</summary>
    public static double Error(IReadOnlyList<ReconstructedRun> runs, EfficiencyParameters eff) =>
        runs.Average(r => RowPrediction.Predict(r, true, eff).ThroughputApe);

    private static double[] Encode(EfficiencyParameters e, string[] families) =>
    [
        .. families.Select(f => Logit(e.PeakFractionFor(f))),
        Math.Log(e.GemmHalfSize), Math.Log(e.ElementwiseFactor), Logit(e.BandwidthEfficiency), Logit(e.Overlap),
    ];

    private static EfficiencyParameters Decode(double[] x, string[] families, EfficiencyParameters start)
    {
        var peaks = new Dictionary<string, double>(start.PeakFraction);
        for (int i = 0; i < families.Length; i++) peaks[families[i]] = Sigmoid(x[i]);
        int k = families.Length;
        return new EfficiencyParameters(peaks, Math.Exp(x[k]), Math.Exp(x[k + 1]), Sigmoid(x[k + 2]), Sigmoid(x[k + 3]));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
