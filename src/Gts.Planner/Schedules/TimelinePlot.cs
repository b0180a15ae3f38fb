using System.Globalization;
using Gts.Planner.Parallel;
using ScottPlot;

namespace Gts.Planner.Schedules;

/// <summary>Draws simulated schedules as one Gantt chart (a row per stage, one block of rows per schedule):
/// forwards blue, backwards green, darker for later chunks, micro-batch numbers inside the bars.</summary>
public static class TimelinePlot
{
    /// <summary>Writes the PNG to <paramref name="path"/>.</summary>
    public static void SavePng(IReadOnlyList<ScheduleResult> results, string path, int width = 1400, int height = 900)
    {
        var plot = new Plot();
        var positions = new List<double>();
        var labels = new List<string>();
        double row = 0;
        foreach (var r in results.Reverse())
        {
            for (int s = r.Stages - 1; s >= 0; s--)
            {
                foreach (var op in r.Ops.Where(o => o.Stage == s))
                {
                    var rect = plot.Add.Rectangle(op.Start, op.End, row + 0.1, row + 0.9);
                    rect.FillStyle.Color = ColorOf(op, r.VirtualStages);
                    rect.LineStyle.Color = Colors.White;
                    rect.LineStyle.Width = 1;
                    if (op.End - op.Start >= 0.45)
                    {
                        var text = plot.Add.Text((op.MicroBatch + 1).ToString(CultureInfo.InvariantCulture), (op.Start + op.End) / 2, row + 0.5);
                        text.LabelFontSize = 11;
                        text.LabelFontColor = Colors.White;
                        text.LabelAlignment = Alignment.MiddleCenter;
                    }
                }
                positions.Add(row + 0.5);
                labels.Add($"{Name(r)} stage {s + 1}");
                row += 1;
            }
            var caption = plot.Add.Text(string.Format(CultureInfo.InvariantCulture, "{0}: bubble {1:P1} of ideal, peak in flight {2:F2} micro-batches",
                Name(r), r.BubbleFraction, r.PeakInFlight.Max()), 0, row + 0.35);
            caption.LabelFontSize = 13;
            caption.LabelAlignment = Alignment.MiddleLeft;
            row += 1;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.ToArray(), labels.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.XLabel("time (one whole-stage forward pass = 1)");
        var first = results[0];
        plot.Title($"Pipeline schedules, p = {first.Stages}, m = {first.MicroBatches}, backward = 2 × forward (numbers: micro-batch)");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "forward", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "backward", FillColor = Colors.SeaGreen });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.Axes.SetLimitsY(-0.2, row + 0.2);
        plot.SavePng(path, width, height);
    }

    private static string Name(ScheduleResult r) => r.Schedule switch
    {
        PipelineSchedule.GPipe => "GPipe",
        PipelineSchedule.OneFOneB => "1F1B",
        _ => $"interleaved v={r.VirtualStages}",
    };

    private static Color ColorOf(ScheduleOp op, int chunks)
    {
        var baseColor = op.Backward ? Colors.SeaGreen : Colors.SteelBlue;
        return chunks > 1 && op.Chunk % 2 == 1 ? baseColor.Darken(0.35) : baseColor;
    }
}
