using Gts.Data.Reports;
using Gts.Data.Validation;
using Spectre.Console;

namespace Gts.Cli.Commands.Data;

/// <summary>Draws a <see cref="DataReport"/> as Spectre.Console tables.</summary>
internal static class DataReportView
{
    public static void Render(IAnsiConsole console, DataReport report)
    {
        console.MarkupLine($"[bold]{Markup.Escape(report.Name)}[/]: {(report.IsPair ? "sentence pairs" : "single texts")}, {report.Labels.Count} labels");

        var splits = new Table().Title("splits").AddColumns("split", "rows", "chars min / p50 / p90 / max", "tokens min / p50 / p90 / max");
        foreach (var s in report.Splits)
            splits.AddRow(Markup.Escape(s.Name), s.Rows.ToString("N0"), s.Chars.ToString(), s.Tokens.ToString());
        console.Write(splits);

        // Extra splits (FewCLUE's train_0..4, dev_0..4) only add columns; their rows are in the splits table.
        var labeled = report.Splits.Where(s => s.ClassCounts.Count > 0 && s.Name is "train" or "dev" or "test").ToList();
        if (report.Labels.Count > 0 && labeled.Count > 0)
        {
            var balance = new Table().Title("class balance (rows, % of split)").AddColumn("label");
            foreach (var s in labeled) balance.AddColumn(Markup.Escape(s.Name), c => c.RightAligned());
            for (int c = 0; c < report.Labels.Count; c++)
            {
                var cells = new List<string> { Markup.Escape(report.Labels[c]) };
                foreach (var s in labeled) cells.Add($"{s.ClassCounts[c]:N0} ({100.0 * s.ClassCounts[c] / Math.Max(1, s.Rows):F0}%)");
                balance.AddRow(cells.ToArray());
            }
            console.Write(balance);
        }
        RenderWarnings(console, report.Warnings);
    }

    public static void RenderWarnings(IAnsiConsole console, IReadOnlyList<DataWarning> warnings)
    {
        foreach (var w in warnings)
        {
            console.MarkupLine($"[yellow]warning ({Markup.Escape(w.Code)}):[/] {Markup.Escape(w.Message)}");
            foreach (var e in w.Examples) console.MarkupLine($"  {Markup.Escape(e)}");
        }
    }
}
