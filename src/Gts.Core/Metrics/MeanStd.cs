namespace Gts.Core.Metrics;

/// <summary>Mean and population standard deviation (ddof = 0) of repeated measurements, e.g. over seeds.</summary>
public readonly record struct MeanStd(double Mean, double Std, int Count)
{
    public static MeanStd Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Count == 0) return new MeanStd(double.NaN, double.NaN, 0);
        double mean = list.Average();
        double variance = list.Sum(v => (v - mean) * (v - mean)) / list.Count;
        return new MeanStd(mean, Math.Sqrt(variance), list.Count);
    }

    /// <summary>Formats as "12.3 ± 0.4" after multiplying by <paramref name="scale"/> (100 for percentages).</summary>
    public string Format(double scale = 100, int digits = 1) =>
        Count == 0 ? "—" : $"{(Mean * scale).ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture)} ± {(Std * scale).ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture)}";
}
