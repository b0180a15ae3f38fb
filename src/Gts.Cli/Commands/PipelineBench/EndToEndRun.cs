using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gts.Cli.Commands.Dispatch;
using Gts.Cli.Commands.Plan;
using Gts.Data.Folders;
using Gts.Factory.Benchmarks;

namespace Gts.Cli.Commands.PipelineBench;

/// <summary>Times one `gts produce` through the dispatcher on the end-to-end setting (sst2, 8 labels x 2 classes, a 5,000-text
/// pool) as a child process of this same gts, with a fresh GTS_HOME so that nothing is cached, and reads its model card.</summary>
internal static class EndToEndRun
{
    public const string FileName = "end-to-end.json";
    public const string Dataset = "sst2";
    public const int PerClass = 8;
    public const int PoolSize = 5000;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<EndToEndResult> RunAsync(string dataRoot, CancellationToken cancellationToken)
    {
        var dataset = DatasetFolder.Load(Path.Combine(dataRoot, Dataset));
        var dir = Directory.CreateTempSubdirectory("gts-end-to-end-").FullName;
        try
        {
            var prepared = EndToEndSetup.Write(dataset, Path.Combine(dir, "task"), PerClass, seed: 0, PoolSize);
            var command = DispatchSetup.WorkerCommand();
            var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in command.Skip(1)) start.ArgumentList.Add(a);
            foreach (var a in new[] { "produce", prepared.RecipePath, "--no-slurm" }) start.ArgumentList.Add(a);
            start.Environment[Gts.Core.GtsHome.Variable] = Path.Combine(dir, "home");
            start.Environment.Remove(Gts.Store.StateStores.DatabaseVariable);

            var loadBefore = MachineInfo.LoadAverage();
            var output = new StringBuilder();
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await process.WaitForExitAsync(cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var (steps, accuracy) = ReadCard(Path.Combine(prepared.ModelDirectory, Gts.Factory.Pipeline.ModelCard.JsonFile));
            string tail;
            lock (output) tail = string.Join('\n', output.ToString().Split('\n').TakeLast(25));
            return new EndToEndResult
            {
                Command = $"gts produce <recipe> --no-slurm (data and recipe written by `gts bench pipeline`)",
                Seconds = seconds,
                ExitCode = process.ExitCode,
                Labels = prepared.Labels,
                Pool = prepared.Pool,
                PoolCount = prepared.PoolCount,
                StepSeconds = steps,
                Accuracy = accuracy,
                LoadBefore = loadBefore,
                LoadAfter = MachineInfo.LoadAverage(),
                FinishedAt = DateTimeOffset.UtcNow,
                OutputTail = tail,
            };
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static EndToEndResult? TryLoad(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var result = JsonSerializer.Deserialize<EndToEndResult>(File.ReadAllText(path), Json);
            return result?.Protocol == EndToEndResult.CurrentProtocol ? result : null;
        }
        catch (JsonException)
        {
            return null; // a damaged file is measured again
        }
    }

    public static void Save(string path, EndToEndResult result)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
        File.Move(temp, path, overwrite: true);
    }

    // Step timings and per-model test accuracy of the exported model card (snake_case JSON); empty when the run wrote none.
    private static (Dictionary<string, double> Steps, Dictionary<string, double> Accuracy) ReadCard(string path)
    {
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        var accuracy = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path)) return (steps, accuracy);
        using var card = JsonDocument.Parse(File.ReadAllText(path));
        if (card.RootElement.TryGetProperty("step_seconds", out var s))
            foreach (var p in s.EnumerateObject()) steps[p.Name] = p.Value.GetDouble();
        if (card.RootElement.TryGetProperty("evaluation", out var e) && e.TryGetProperty("models", out var models))
            foreach (var m in models.EnumerateObject()) accuracy[m.Name] = m.Value.GetProperty("accuracy").GetDouble();
        return (steps, accuracy);
    }
}
