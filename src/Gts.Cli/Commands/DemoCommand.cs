using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gts.Core.Errors;
using Gts.Core.Metrics;
using Gts.Data.Folders;
using Gts.Factory.Baselines;
using Gts.Neural.Embeddings;
using Gts.Neural.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands;

/// <summary>`gts demo`: the main job on the embedded default. For now the two baselines (TF-IDF + LR, frozen MiniLM + LR) on the
/// sample data set, trained on its labelled train split and scored on its test split, with a JSON + Markdown report.</summary>
internal sealed class DemoCommand : Command<DemoCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Data-set folder (train/test/labels.txt). Default: samples/reviews of this repository.")]
        public string? Data { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for report.json and report.md.")]
        [DefaultValue("gts-demo-out")]
        public string Out { get; init; } = "gts-demo-out";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dataset = DatasetFolder.Load(settings.Data ?? FindSample());
        int classes = dataset.Labels.Count;
        var gold = dataset.Test.Select(e => e.Label).ToArray();
        var results = new List<(string Method, BaselineRun Run, ClassificationReport Report)>();
        AnsiConsole.Status().Start("TF-IDF + logistic regression", ctx =>
        {
            var tfidf = TfidfBaseline.Run(dataset.Train, dataset.Test, classes);
            results.Add(("TF-IDF+LR", tfidf, ClassificationReport.Compute(gold, tfidf.Predictions, classes)));
            ctx.Status("MiniLM embeddings + logistic regression");
            using var encoder = new CachedSentenceEncoder(PackagedEncoders.Extract(PackagedEncoders.MiniLM));
            var minilm = EncoderBaseline.Run(encoder, dataset.Train, dataset.Test, classes, cancellationToken: cancellationToken);
            results.Add(("MiniLM+LR", minilm, ClassificationReport.Compute(gold, minilm.Predictions, classes)));
        });

        var table = new Table().AddColumns("method", "accuracy", "macro-F1", "MCC", "features", "train s");
        var md = new StringBuilder($"# gts demo: baselines on {dataset.Name}\n\nTrained on {dataset.Train.Count} labelled examples, tested on {dataset.Test.Count}; labels: {dataset.Labels}.\n\n" +
            "| method | accuracy | macro-F1 | MCC | features | train s |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var (method, run, report) in results)
        {
            string[] cells = [method, Percent(report.Accuracy), Percent(report.MacroF1), Percent(report.Mcc), run.Features.ToString(CultureInfo.InvariantCulture),
                run.TrainSeconds.ToString("F2", CultureInfo.InvariantCulture)];
            table.AddRow(cells.Select(Markup.Escape).ToArray());
            md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }
        Directory.CreateDirectory(settings.Out);
        var json = JsonSerializer.Serialize(new
        {
            dataset = dataset.Name, labels = dataset.Labels.Names, train = dataset.Train.Count, test = dataset.Test.Count,
            methods = results.Select(r => new { method = r.Method, r.Run.Features, r.Run.TrainSeconds, report = r.Report }),
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        File.WriteAllText(Path.Combine(settings.Out, "report.json"), json);
        File.WriteAllText(Path.Combine(settings.Out, "report.md"), md.ToString());
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"report: {Markup.Escape(Path.GetFullPath(Path.Combine(settings.Out, "report.md")))} and report.json (per-class scores, confusion matrices)");
        return 0;
    }

    private static string Percent(double value) => (100 * value).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>samples/reviews under the working directory, else under the first ancestor of the program that has it.</summary>
    private static string FindSample()
    {
        var relative = Path.Combine("samples", "reviews");
        if (Directory.Exists(relative)) return relative;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new GtsException(ErrorKind.NotFound, "the sample data set samples/reviews was not found", "run from the repository root or pass --data <folder>");
    }
}
