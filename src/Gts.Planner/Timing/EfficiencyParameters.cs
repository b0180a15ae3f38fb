namespace Gts.Planner.Timing;

/// <summary>The few numbers the time model calibrates against measured runs: the best fraction of peak a large
/// GEMM reaches per GPU family; the size k₀ at which a GEMM dimension halves it (each dimension x scales it by
/// x/(x+k₀)); bytes of memory-bound elementwise traffic per stored activation byte; the fraction of a link's
/// bandwidth collectives reach; and the fraction of communication that can hide behind computation.</summary>
public sealed record EfficiencyParameters(IReadOnlyDictionary<string, double> PeakFraction, double GemmHalfSize,
    double ElementwiseFactor, double BandwidthEfficiency, double Overlap)
{
    /// <summary>Uncalibrated defaults: textbook values before any fit.</summary>
    public static EfficiencyParameters Default { get; } = new(
        new Dictionary<string, double> { ["A100"] = 0.8, ["V100"] = 0.8, ["H100"] = 0.7 }, 64, 2, 0.8, 0.5);

    /// <summary>The best GEMM fraction of peak for a family (the mean over families when it was not calibrated).</summary>
    public double PeakFractionFor(string family) =>
        PeakFraction.TryGetValue(family, out double f) ? f : PeakFraction.Values.Average();
}
