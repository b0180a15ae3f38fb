using System.IO.Compression;
using System.Text;

namespace Gts.Data.Tests;

/// <summary>A temporary directory that tests write their own small data files into.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gts-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes UTF-8 text (gzip when the name ends with .gz) and returns the full path.</summary>
    public string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(full);
            using var gz = new GZipStream(file, CompressionLevel.Fastest);
            gz.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(full, bytes);
        }
        return full;
    }

    /// <summary>JSON Lines for the given (text, label) records.</summary>
    public static string Jsonl(params (string Text, string Label)[] records) =>
        string.Concat(records.Select(r => $"{{\"text\": \"{r.Text}\", \"label\": \"{r.Label}\"}}\n"));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
