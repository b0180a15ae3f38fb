using System.Diagnostics;
using Gts.Core.Metrics;
using Gts.Planner.Hardware;
using Gts.Planner.Memory;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Reports;
using Gts.Planner.Schedules;
using Gts.Planner.Search;
using Gts.Planner.Story;
using Gts.Planner.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Plan;

/// <summary>`gts plan validate [runs.csv]`: calibrates on half of the published runs, scores the other half,
/// times the 1T-parameter search, checks the ZeRO example and the schedule simulator, replays the 3.9B BERT
/// story, and writes all of it to the planner section of docs/BENCHMARKS.md with the timeline PNG.</summary>
internal sealed class PlanValidateCommand : Command<PlanValidateSettings>
{
    public override int Execute(CommandContext context, PlanValidateSettings settings, CancellationToken cancellationToken)
    {
        var ctx = new BenchmarkContext(MachineInfo.Describe(), DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            "gts plan validate " + settings.Runs, MachineInfo.LoadAverage(), settings.Runs);
        var rows = RunsCsv.Read(settings.Runs);
        var watch = Stopwatch.StartNew();
        var report = Validator.Run(rows);
        AnsiConsole.MarkupLine($"validated {report.Predictions.Count} runs in {watch.Elapsed.TotalSeconds:F1} s: held-out MAPE [bold]{report.HeldOutMape:F1} %[/] ({report.HeldOut.Count} rows), calibration MAPE {report.CalibrationMape:F1} %");
        foreach (var (hw, mape, n) in report.HeldOutByHardware) AnsiConsole.MarkupLine($"  {hw}: {mape:F1} % over {n} rows");

        var search = TimeSearch(report, settings.Repeats);
        AnsiConsole.MarkupLine($"1T on 3,072 GPUs: {search.Seconds.Format(1, 3)} s per search, {search.Result.Enumerated:N0} enumerated, top {search.Result.Top[0].Config}");

        var training = new TrainingSettings(1);
        double[] paper = [120, 31.4, 16.6, 1.9];
        var zero = Enumerable.Range(0, 4).Select(s => (s, ModelStateMemory.Total(7.5e9, 64, s, training) / 1e9, paper[s])).ToList();

        var plotted = new List<ScheduleResult>
        {
            PipelineSimulator.Run(PipelineSchedule.GPipe, 4, 8, 1, 1, 2),
            PipelineSimulator.Run(PipelineSchedule.OneFOneB, 4, 8, 1, 1, 2),
            PipelineSimulator.Run(PipelineSchedule.Interleaved, 4, 8, 2, 1, 2),
        };
        var schedules = plotted.Concat(
        [
            PipelineSimulator.Run(PipelineSchedule.OneFOneB, 8, 32, 1, 1, 2),
            PipelineSimulator.Run(PipelineSchedule.Interleaved, 8, 32, 4, 1, 2),
            PipelineSimulator.Run(PipelineSchedule.Interleaved, 16, 64, 2, 1, 2),
        ]).ToList();
        TimelinePlot.SavePng(plotted, settings.Plot);

        var story = BertStory.Run(report.Calibrated);
        string plotLink = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(settings.Benchmarks))!, Path.GetFullPath(settings.Plot));
        var markdown = PlannerMarkdown.Render(ctx, report, search, zero, schedules, plotLink, story);
        BenchmarkSection.Write(settings.Benchmarks, "planner", markdown);
        AnsiConsole.MarkupLine($"wrote the planner section of {Markup.Escape(settings.Benchmarks)} and {Markup.Escape(settings.Plot)}");
        return 0;
    }

    private static SearchTiming TimeSearch(ValidationReport report, int repeats)
    {
        var model = ModelPresets.Find("gpt-1t")!;
        var cluster = ClusterPresets.Find("dgx-a100-80gb:384")!;
        var training = new TrainingSettings(3072, FusedAttention: false);
        var result = PlanSearch.Rank(model, cluster, training, report.Calibrated);
        var seconds = new List<double>();
        for (int i = 0; i < Math.Max(1, repeats); i++)
        {
            var watch = Stopwatch.StartNew();
            result = PlanSearch.Rank(model, cluster, training, report.Calibrated);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        return new SearchTiming(model.Name, "dgx-a100-80gb:384", cluster.TotalGpus, training.GlobalBatch, MeanStd.Of(seconds), result);
    }
}
