using Gts.Planner.Timing;

namespace Gts.Planner.Validation;

/// <summary>Everything `gts plan validate` measures: the calibrated parameters, one prediction per usable row,
/// the rows skipped with their reason, and the comparisons of top configurations with the published ones.</summary>
public sealed record ValidationReport(EfficiencyParameters Calibrated, IReadOnlyList<RowPrediction> Predictions,
    IReadOnlyList<(string Id, string Reason)> Skipped, IReadOnlyList<TopConfigComparison> Comparisons)
{
    /// <summary>Rows whose error is reported (never used in the fit).</summary>
    public IReadOnlyList<RowPrediction> HeldOut => Predictions.Where(p => !p.IsCalibration).ToList();

    /// <summary>Mean absolute percentage error of held-out throughput.</summary>
    public double HeldOutMape => HeldOut.Average(p => p.ThroughputApe);

    /// <summary>Mean absolute percentage error on the rows the parameters were fitted to (for contrast only).</summary>
    public double CalibrationMape => Predictions.Where(p => p.IsCalibration).Average(p => p.ThroughputApe);

    /// <summary>Held-out MAPE and row count per hardware type.</summary>
    public IReadOnlyList<(string Hardware, double Mape, int Rows)> HeldOutByHardware =>
        HeldOut.GroupBy(p => p.Run.HardwareType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Average(p => p.ThroughputApe), g.Count())).ToList();
}
