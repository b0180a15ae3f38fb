using System.IO.Compression;
using System.Text.Json;
using Gts.Core.Execution;
using Gts.Factory.Pipeline;

namespace Gts.Factory.Steps;

/// <summary>Reading a step's inputs from and writing its outputs to the artifact store: JSON documents and
/// directories (stored as zip files).</summary>
internal static class StepArtifacts
{
    public static T ReadJson<T>(StepContext context, string input)
    {
        using var stream = context.Artifacts.OpenRead(context.Inputs[input]);
        return JsonSerializer.Deserialize<T>(stream, ArtifactJson.Options) ?? throw new InvalidDataException($"artifact '{input}' is empty");
    }

    public static TaskData ReadTask(StepContext context)
    {
        using var stream = context.Artifacts.OpenRead(context.Inputs["data"]);
        return TaskData.FromJson(stream);
    }

    public static Task<string> PutJsonAsync<T>(StepContext context, T value, CancellationToken ct) =>
        context.Artifacts.PutAsync(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, ArtifactJson.Options)), ct);

    /// <summary>Zips a directory (fixed entry order and timestamps, so the same files give the same hash) and stores it.</summary>
    public static async Task<string> PutDirectoryAsync(StepContext context, string directory, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                await using var target = entry.Open();
                await using var source = File.OpenRead(file);
                await source.CopyToAsync(target, ct);
            }
        }
        buffer.Position = 0;
        return await context.Artifacts.PutAsync(buffer, ct);
    }

    /// <summary>Unpacks a directory artifact into a fresh temporary folder and returns its path.</summary>
    public static string ExtractDirectory(StepContext context, string input)
    {
        var dir = Directory.CreateTempSubdirectory("gts-" + input + "-").FullName;
        using var stream = context.Artifacts.OpenRead(context.Inputs[input]);
        ZipFile.ExtractToDirectory(stream, dir);
        return dir;
    }

    public static StepOutcome Outcome(string message, params (string Name, string Hash)[] outputs) =>
        new(outputs.ToDictionary(o => o.Name, o => o.Hash), message);
}
