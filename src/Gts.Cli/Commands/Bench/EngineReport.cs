using System.Globalization;
using Gts.Cli.Commands.Plan;

namespace Gts.Cli.Commands.Bench;

/// <summary>Each experiment writes its markdown to docs/bench-engine/&lt;experiment&gt;.md; the engine section of the
/// benchmark page is all of them in a fixed order, so experiments can be rerun one at a time.</summary>
internal static class EngineReport
{
    private static readonly string[] Order = ["fewshot", "tapt", "stability", "soak"];

    public static string Header(string command) =>
        $"Machine: {MachineInfo.Describe()}; date {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}; " +
        $"command `{command}`; 1-minute load average at start {MachineInfo.LoadAverage()}" +
        (double.TryParse(MachineInfo.LoadAverage(), NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount
            ? $" (above the {Environment.ProcessorCount} cores: they were shared with other jobs)." : ".");

    public static void Publish(string benchmarks, string experiment, string markdown)
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(benchmarks))!, "bench-engine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, experiment + ".md"), markdown.TrimEnd() + "\n");
        var parts = Order.Select(o => Path.Combine(folder, o + ".md")).Where(File.Exists).Select(File.ReadAllText);
        BenchmarkSection.Write(benchmarks, "engine", string.Join("\n", parts));
    }

    public static string F(double value, int digits = 1) => value.ToString("F" + digits, CultureInfo.InvariantCulture);
}
