using Gts.Core.Errors;
using Gts.Neural.Embeddings;
using Gts.Neural.Models;

namespace Gts.Factory.Teaching;

/// <summary>The sentence encoders a teacher uses, opened once per process with the on-disk embedding cache,
/// so that every step embeds each text once.</summary>
public sealed class EncoderEnsemble : IDisposable
{
    private EncoderEnsemble(IReadOnlyList<CachedSentenceEncoder> encoders) => Encoders = encoders;

    public IReadOnlyList<CachedSentenceEncoder> Encoders { get; }

    /// <summary>Opens packaged encoders by name ("minilm", "arcticxs") or a BERT ONNX file by path (vocab.txt beside it).</summary>
    public static EncoderEnsemble Open(IReadOnlyList<string> names, string? cacheRoot = null)
    {
        var list = new List<CachedSentenceEncoder>();
        foreach (var name in names)
        {
            var spec = PackagedEncoders.Find(name) is { } packaged ? PackagedEncoders.Extract(packaged) : FromPath(name);
            list.Add(new CachedSentenceEncoder(spec, cacheRoot: cacheRoot));
        }
        return new EncoderEnsemble(list);
    }

    private static EncoderSpec FromPath(string onnx)
    {
        var vocab = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(onnx)) ?? ".", "vocab.txt");
        if (!File.Exists(onnx) || !File.Exists(vocab))
            throw new GtsException(ErrorKind.NotFound, $"teacher encoder '{onnx}' is neither a packaged encoder nor an ONNX file with vocab.txt beside it",
                $"use one of {string.Join(", ", PackagedEncoders.Names)}, or the path of a BERT-family .onnx file", new SourceLocation(onnx, 0, "steps.teach.encoders"));
        return new EncoderSpec(Path.GetFileNameWithoutExtension(onnx), onnx, vocab, PoolingMode.Mean);
    }

    public void Dispose()
    {
        foreach (var e in Encoders) e.Dispose();
    }
}
