using Gts.Sim.Experiments;

namespace Gts.Sim.Reporting;

/// <summary>PNG plots of the simulator's results (ScottPlot).</summary>
public static class Plots
{
    /// <summary>Cumulative distribution of JCT per policy; x in hours (log10 when <paramref name="logX"/>).</summary>
    public static string JctCdf(string path, string title, IReadOnlyDictionary<string, double[]> jctHours, bool logX)
    {
        ArgumentNullException.ThrowIfNull(jctHours);
        var plot = new ScottPlot.Plot();
        foreach (var (name, values) in jctHours)
        {
            var sorted = values.Select(v => logX ? Math.Log10(Math.Max(v, 1e-3)) : v).Order().ToArray();
            var ys = Enumerable.Range(1, sorted.Length).Select(i => (double)i / sorted.Length).ToArray();
            var line = plot.Add.ScatterLine(sorted, ys);
            line.LegendText = name;
            line.LineWidth = 2;
        }
        plot.Title(title);
        plot.XLabel(logX ? "log10 JCT (hours)" : "JCT (hours)");
        plot.YLabel("fraction of jobs");
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 900, 520);
        return path;
    }

    /// <summary>Unallocated GPUs (% of the cluster) per workload and policy.</summary>
    public static string Unallocated(string path, IReadOnlyList<AlibabaResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var plot = new ScottPlot.Plot();
        var workloads = results.Select(r => r.Workload).Distinct().ToList();
        var policies = results.Select(r => r.Policy).Distinct().ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<ScottPlot.Bar>();
        for (int w = 0; w < workloads.Count; w++)
            for (int p = 0; p < policies.Count; p++)
            {
                var r = results.FirstOrDefault(x => x.Workload == workloads[w] && x.Policy == policies[p]);
                if (r is null) continue;
                bars.Add(new ScottPlot.Bar { Position = w * (policies.Count + 1) + p, Value = r.UnallocatedPct, FillColor = palette.GetColor(p) });
            }
        plot.Add.Bars(bars);
        var ticks = workloads.Select((w, i) => new ScottPlot.Tick(i * (policies.Count + 1) + (policies.Count - 1) / 2.0, w.Replace("openb_pod_list_", "", StringComparison.Ordinal))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        for (int p = 0; p < policies.Count; p++)
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = policies[p], FillColor = palette.GetColor(p) });
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.Title("Alibaba 2023: unallocated GPUs at 100 % arrived (lower is better)");
        plot.YLabel("unallocated GPUs (% of 6,212)");
        plot.Axes.Margins(bottom: 0);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 900, 520);
        return path;
    }
}
