using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Gts.Neural.Models;

/// <summary>sha256 of files, remembered per process by (path, length, last write) so a 90 MB model is hashed once.</summary>
public static class FileHash
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Known = new();

    /// <summary>Lower-case hex sha256 of a file's bytes.</summary>
    public static string Sha256(string path)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        return Known.GetOrAdd(key, static k =>
        {
            using var stream = File.OpenRead(k.Path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }

    /// <summary>The hash of an encoder's ONNX file: the spec's known value, else computed.</summary>
    public static string OfModel(EncoderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.OnnxSha256 ?? Sha256(spec.OnnxPath);
    }
}
