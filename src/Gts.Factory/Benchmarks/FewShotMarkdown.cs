using System.Globalization;
using System.Text;
using Gts.Core.Metrics;

namespace Gts.Factory.Benchmarks;

/// <summary>The few-shot tables: mean ± population std over seeds per data set x method x K, the data set's second metric,
/// and each cell's difference from the reference numbers (note section 6), with the ±1.5-point MiniLM target checked.</summary>
public static class FewShotMarkdown
{
    /// <summary>Points of tolerance for the MiniLM reproduction target.</summary>
    public const double Tolerance = 1.5;

    private static readonly Dictionary<string, string> MethodNames = new(StringComparer.Ordinal)
    {
        ["tfidf"] = "TF-IDF+LR",
        ["minilm"] = "MiniLM+LR",
        ["arcticxs"] = "ArcticXs+LR",
    };

    public static string Build(FewShotRun run, FewShotProfile profile, ReferenceTable? reference, BenchmarkContext context)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        var sb = new StringBuilder();
        sb.AppendLine(FormattableString.Invariant($"Machine: {context.Machine}. Date: {context.Date:yyyy-MM-dd HH:mm} UTC. Wall time {context.Duration.TotalMinutes:F1} min ({run.CellsRun} cells run, {run.CellsCached} from the cell cache). 1-minute load average: {context.LoadBefore} at start, {context.LoadAfter} at end."));
        sb.AppendLine();
        sb.AppendLine($"Command: `{context.Command}`. Data: `{context.Data}`. Seeds {string.Join(", ", profile.Seeds)}; " +
            "protocol of `../shared/notes/pretrained-encoders.md` section 5 (sampler of `Gts.Data`, logistic regression C = 1 on the summed loss).");
        sb.AppendLine();
        sb.AppendLine("Mean ± population std over the seeds, percent. \"extra\" = MCC (sms_spam, amazon_counterfactual_en) or macro-F1 (banking77, FewCLUE). " +
            "\"Δ ref\" = this run's mean accuracy minus the note's (section 6) in points, then the largest per-seed |difference|.");
        sb.AppendLine();
        var ks = profile.Shots;
        sb.Append("| data set | method |");
        foreach (var k in ks) sb.Append(CultureInfo.InvariantCulture, $" accuracy K={k} |");
        foreach (var k in ks) sb.Append(CultureInfo.InvariantCulture, $" extra K={k} |");
        foreach (var k in ks) sb.Append(CultureInfo.InvariantCulture, $" Δ ref K={k} (max seed) |");
        sb.AppendLine(" train s/cell |");
        sb.Append("| --- | --- |");
        for (int i = 0; i < 3 * ks.Count + 1; i++) sb.Append(" ---: |");
        sb.AppendLine();

        var misses = new List<string>();
        int checkedCells = 0;
        foreach (var dataset in profile.Datasets)
            foreach (var method in profile.Methods)
            {
                var accuracy = new List<string>();
                var extra = new List<string>();
                var delta = new List<string>();
                var seconds = new List<double>();
                foreach (var k in ks)
                {
                    var cells = Cells(run, dataset, method, FewShotCell.KShot, k, profile.Seeds);
                    var (acc, ext, dl, secs) = Summarise(cells, dataset, reference);
                    accuracy.Add(acc);
                    extra.Add(ext);
                    delta.Add(dl.Text);
                    seconds.AddRange(secs);
                    if (method == "minilm" && dl.Mean is { } d)
                    {
                        checkedCells++;
                        if (Math.Abs(d) > Tolerance) misses.Add($"{dataset} K={k}: {d:+0.0;-0.0} points");
                    }
                }
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {dataset} | {MethodNames.GetValueOrDefault(method, method)} | {string.Join(" | ", accuracy)} | {string.Join(" | ", extra)} | {string.Join(" | ", delta)} | {(seconds.Count == 0 ? "—" : seconds.Average().ToString("F2", CultureInfo.InvariantCulture))} |");
            }
        sb.AppendLine();
        if (profile.OfficialSplits) AppendOfficial(sb, run, profile, reference);
        AppendSkipped(sb, run);
        if (run.Embeddings.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Embedding work in this run (texts not already in the embedding cache; test set + every sampled training text): " +
                string.Join("; ", run.Embeddings.Where(e => e.Texts > 0).Select(e => string.Create(CultureInfo.InvariantCulture,
                    $"{e.Dataset}/{e.Encoder} {e.Texts} texts in {e.Seconds:F1} s ({e.Texts / Math.Max(e.Seconds, 1e-9):F0}/s)"))) + ".");
        }
        sb.AppendLine();
        sb.AppendLine(misses.Count == 0
            ? $"**Target** (MiniLM within ±{Tolerance} points of the reference mean accuracy at every K): met on all {checkedCells} MiniLM rows compared."
            : $"**Target** (MiniLM within ±{Tolerance} points): missed on {misses.Count} of {checkedCells}: {string.Join("; ", misses)}.");
        return sb.ToString();
    }

    private static List<FewShotCellResult> Cells(FewShotRun run, string dataset, string method, string setting, int k, IReadOnlyList<int> seeds) =>
        run.Results.Where(r => r.Cell.Dataset == dataset && r.Cell.Method == method && r.Cell.Setting == setting && r.Cell.K == k && seeds.Contains(r.Cell.Seed)).ToList();

    private static (string Accuracy, string Extra, (string Text, double? Mean) Delta, IEnumerable<double> Seconds) Summarise(
        List<FewShotCellResult> cells, string dataset, ReferenceTable? reference)
    {
        if (cells.Count == 0) return ("—", "—", ("—", null), []);
        if (cells.All(c => c.Skipped)) return ("skipped", DatasetMetric.NameOf(dataset) is null ? "" : "skipped", ("—", null), []);
        var done = cells.Where(c => !c.Skipped).ToList();
        var acc = MeanStd.Of(done.Select(c => c.Report!.Accuracy));
        var metric = DatasetMetric.NameOf(dataset);
        var extra = metric is null ? "" : $"{metric} {MeanStd.Of(done.Select(c => DatasetMetric.ValueOf(dataset, c.Report!))).Format()}";
        var refs = done.Select(c => (Cell: c, Ref: reference?.Find(c.Cell))).Where(p => p.Ref is not null).ToList();
        (string, double?) delta = ("—", null);
        if (refs.Count > 0)
        {
            double mean = 100 * (refs.Average(p => p.Cell.Report!.Accuracy) - refs.Average(p => p.Ref!.Value.Accuracy));
            double worst = refs.Max(p => 100 * Math.Abs(p.Cell.Report!.Accuracy - p.Ref!.Value.Accuracy));
            delta = (string.Create(CultureInfo.InvariantCulture, $"{mean:+0.00;-0.00;0.00} ({worst:F2})"), mean);
        }
        return (acc.Format(), extra, delta, done.Select(c => c.TrainSeconds));
    }

    private static void AppendOfficial(StringBuilder sb, FewShotRun run, FewShotProfile profile, ReferenceTable? reference)
    {
        var official = run.Results.Where(r => r.Cell.Setting == FewShotCell.Official && !r.Skipped).ToList();
        if (official.Count == 0) return;
        sb.AppendLine("| FewCLUE official splits | method | n train per split | accuracy | macro-F1 | Δ ref accuracy (max split) | train s/split |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var dataset in profile.Datasets)
            foreach (var method in profile.Methods)
            {
                var cells = official.Where(c => c.Cell.Dataset == dataset && c.Cell.Method == method).OrderBy(c => c.Cell.Seed).ToList();
                if (cells.Count == 0) continue;
                var (_, _, delta, _) = Summarise(cells, dataset, reference);
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {dataset} | {MethodNames.GetValueOrDefault(method, method)} | {string.Join("/", cells.Select(c => c.TrainCount))} | {MeanStd.Of(cells.Select(c => c.Report!.Accuracy)).Format()} | {MeanStd.Of(cells.Select(c => c.Report!.MacroF1)).Format()} | {delta.Text} | {cells.Average(c => c.TrainSeconds):F2} |");
            }
        sb.AppendLine();
    }

    private static void AppendSkipped(StringBuilder sb, FewShotRun run)
    {
        var skipped = run.Results.Where(r => r.Skipped)
            .GroupBy(r => (r.Cell.Dataset, r.Cell.K, r.SkipReason))
            .Select(g => $"{g.Key.Dataset} K={g.Key.K}: {g.Key.SkipReason}")
            .ToList();
        if (skipped.Count == 0) return;
        sb.AppendLine("Skipped cells: " + string.Join("; ", skipped) + ".");
    }
}
