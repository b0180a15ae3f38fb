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

    /// <summary>Opens encoders by <see cref="Spec"/> name.</summary>
    public static EncoderEnsemble Open(IReadOnlyList<string> names, string? cacheRoot = null) =>
        new(names.Select(name => new CachedSentenceEncoder(Spec(name), cacheRoot: cacheRoot)).ToList());

    /// <summary>A packaged encoder by name ("minilm", "arcticxs"), a folder holding model.onnx and vocab.txt (a tuned encoder,
    /// whose encoder.json gives the pooling), or a BERT-family .onnx file with vocab.txt beside it (mean pooling unless an
    /// encoder.json beside it says otherwise).</summary>
    public static EncoderSpec Spec(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (PackagedEncoders.Find(name) is { } packaged) return PackagedEncoders.Extract(packaged);
        var onnx = Directory.Exists(name) ? Path.Combine(name, "model.onnx") : name;
        var dir = Path.GetDirectoryName(Path.GetFullPath(onnx)) ?? ".";
        var vocab = Path.Combine(dir, "vocab.txt");
        if (!File.Exists(onnx) || !File.Exists(vocab))
            throw new GtsException(ErrorKind.NotFound, $"teacher encoder '{name}' is neither a packaged encoder nor an ONNX file (or folder) with vocab.txt beside it",
                $"use one of {string.Join(", ", PackagedEncoders.Names)}, or the path of a BERT-family .onnx file", new SourceLocation(name, 0, "steps.teach.encoders"));
        if (TunedEncoderInfo.Read(dir) is { } info)
            return new EncoderSpec(info.Base + "-tuned", onnx, vocab, info.Pooling, info.LowerCase);
        return new EncoderSpec(Path.GetFileNameWithoutExtension(onnx), onnx, vocab, PoolingMode.Mean);
    }

    public void Dispose()
    {
        foreach (var e in Encoders) e.Dispose();
    }
}
