using System.Globalization;
using System.Text;

namespace Gts.Planner.Search;

/// <summary>Says in one sentence why one plan is predicted faster than another: the settings that differ and
/// the time terms that differ most.</summary>
public static class PlanComparison
{
    /// <summary>"A is x % faster than B: bubble −1.20 s, tp-comm +0.31 s (A: DP.. ; B: DP..)".</summary>
    public static string Explain(RankedPlan winner, RankedPlan other)
    {
        var inv = CultureInfo.InvariantCulture;
        double gain = winner.SamplesPerSecond / other.SamplesPerSecond - 1;
        var a = winner.Time.Terms;
        var b = other.Time.Terms;
        var diffs = a.Zip(b, (x, y) => (x.Name, Delta: x.Seconds - y.Seconds))
            .Where(d => Math.Abs(d.Delta) > 1e-4 * Math.Max(1e-9, other.Time.Total))
            .OrderByDescending(d => Math.Abs(d.Delta))
            .Take(3)
            .ToList();
        var sb = new StringBuilder();
        sb.Append(string.Format(inv, "{0} is {1:F1} % {2} than {3}", winner.Config, Math.Abs(gain) * 100,
            gain >= 0 ? "faster" : "slower", other.Config));
        if (diffs.Count > 0)
        {
            sb.Append(": ");
            sb.Append(string.Join(", ", diffs.Select(d => string.Format(inv, "{0} {1}{2:F3} s", d.Name, d.Delta < 0 ? "−" : "+", Math.Abs(d.Delta)))));
        }
        sb.Append(string.Format(inv, " per iteration ({0:F3} s vs {1:F3} s)", winner.Time.Total, other.Time.Total));
        return sb.ToString();
    }
}
