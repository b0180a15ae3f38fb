using Gts.Neural.Models;

namespace Gts.Neural.Embeddings;

/// <summary>A sentence encoder behind an <see cref="EmbeddingCache"/>: only texts not seen before are embedded (each once),
/// and the ONNX session is opened only when there is something to embed.</summary>
public sealed class CachedSentenceEncoder : IDisposable
{
    private readonly EncoderOptions _options;
    private readonly EmbeddingCache _cache;
    private SentenceEncoder? _encoder;

    public CachedSentenceEncoder(EncoderSpec spec, EncoderOptions? options = null, string? cacheRoot = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        _options = options ?? new EncoderOptions();
        _cache = EmbeddingCache.Open(spec, _options.MaxLength, cacheRoot);
    }

    public EncoderSpec Spec { get; }

    /// <summary>Texts embedded by this instance (cache misses), for reporting.</summary>
    public int Embedded { get; private set; }

    /// <summary>Seconds spent embedding cache misses (tokenization + ONNX + pooling).</summary>
    public double EmbedSeconds { get; private set; }

    /// <summary>Embeds every text, from the cache where possible; progress counts newly embedded texts.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            if (!_cache.TryGet(text, out _) && seen.Add(text)) missing.Add(text);
        if (missing.Count > 0)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            _encoder ??= new SentenceEncoder(Spec, _options);
            var vectors = _encoder.Encode(missing, progress, cancellationToken);
            for (int i = 0; i < missing.Count; i++) _cache.Add(missing[i], vectors[i]);
            _cache.Flush();
            Embedded += missing.Count;
            EmbedSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        var result = new float[texts.Count][];
        for (int i = 0; i < result.Length; i++) _cache.TryGet(texts[i], out result[i]);
        return result;
    }

    public void Dispose()
    {
        _encoder?.Dispose();
        _cache.Dispose();
    }
}
