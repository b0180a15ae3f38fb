using System.Security.Cryptography;
using System.Text;
using Gts.Core;
using Gts.Neural.Models;

namespace Gts.Neural.Embeddings;

/// <summary>On-disk embeddings of one encoder configuration, keyed by sha256 of the text, so a benchmark grid embeds each text once.
/// The folder is named by a hash of (ONNX sha256, vocabulary sha256, pooling, casing, max length); the file is an append-only
/// log of records [32-byte text hash][int32 dimension][float32 x dimension]; a torn last record (a killed run) is cut off on open.</summary>
public sealed class EmbeddingCache : IDisposable
{
    private const string FileName = "embeddings.bin";
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly FileStream? _log;

    private EmbeddingCache(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        long valid = Load(path);
        try
        {
            _log = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
            _log.SetLength(valid);
            _log.Seek(valid, SeekOrigin.Begin);
        }
        catch (IOException)
        {
            _log = null; // another process writes this cache: read what it had, keep new vectors in memory only
        }
    }

    /// <summary>The folder of this configuration's cache.</summary>
    public string Directory { get; }

    public int Count => _vectors.Count;

    /// <summary>Opens (or creates) the cache of an encoder configuration under root (default $GTS_HOME/cache/embeddings).</summary>
    public static EmbeddingCache Open(EncoderSpec spec, int maxLength, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var identity = $"{FileHash.OfModel(spec)}|{FileHash.Sha256(spec.VocabPath)}|{spec.Pooling}|{spec.LowerCase}|{maxLength}";
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return new EmbeddingCache(Path.Combine(root ?? GtsHome.Under("cache", "embeddings"), $"{spec.Name}-{key}"));
    }

    public bool TryGet(string text, out float[] vector) => _vectors.TryGetValue(KeyOf(text), out vector!);

    /// <summary>Stores a vector and appends it to the log (flushed by <see cref="Flush"/> and on dispose).</summary>
    public void Add(string text, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        if (!_vectors.TryAdd(Convert.ToBase64String(hash), vector) || _log is null) return;
        _log.Write(hash);
        Span<byte> dim = stackalloc byte[4];
        BitConverter.TryWriteBytes(dim, vector.Length);
        _log.Write(dim);
        _log.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
    }

    public void Flush() => _log?.Flush(flushToDisk: true);

    public void Dispose()
    {
        Flush();
        _log?.Dispose();
    }

    private static string KeyOf(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private long Load(string path)
    {
        if (!File.Exists(path)) return 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new BinaryReader(stream);
        long valid = 0, length = stream.Length;
        while (length - valid >= 36)
        {
            var hash = reader.ReadBytes(32);
            int dim = reader.ReadInt32();
            if (dim <= 0 || length - valid - 36 < dim * 4L) break;
            var bytes = reader.ReadBytes(dim * 4);
            var vector = new float[dim];
            Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
            _vectors[Convert.ToBase64String(hash)] = vector;
            valid += 36 + dim * 4L;
        }
        return valid;
    }
}
