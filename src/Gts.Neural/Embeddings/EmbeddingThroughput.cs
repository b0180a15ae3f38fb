using System.Diagnostics;
using Gts.Neural.Models;

namespace Gts.Neural.Embeddings;

/// <summary>Measures texts/s of a sentence encoder: one warm-up pass over the first texts, then timed full passes (no cache).</summary>
public static class EmbeddingThroughput
{
    public static ThroughputResult Measure(EncoderSpec spec, IReadOnlyList<string> texts, EncoderOptions options, int runs, int warmupTexts = 128,
        TransformerShape? shape = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        shape ??= TransformerShape.MiniLM;
        using var encoder = new SentenceEncoder(spec, options);
        encoder.Encode(texts.Take(warmupTexts).ToArray(), cancellationToken: cancellationToken);

        var speeds = new List<double>(runs);
        for (int r = 0; r < runs; r++)
        {
            var start = Stopwatch.GetTimestamp();
            encoder.Encode(texts, cancellationToken: cancellationToken);
            speeds.Add(texts.Count / Stopwatch.GetElapsedTime(start).TotalSeconds);
            progress?.Report(r + 1);
        }

        // The work of one pass, from the same tokenization and batch plan the encoder uses.
        var lengths = texts.Select(t => encoder.Tokenizer.Encode(t).Length).ToArray();
        long tokens = lengths.Sum(l => (long)l), padded = 0;
        double flops = 0;
        foreach (var batch in LengthBatches.Plan(lengths, options.BatchSize))
        {
            int width = batch.Max(i => lengths[i]);
            padded += (long)batch.Length * width;
            flops += shape.BatchFlops(batch.Length, width);
        }
        return new ThroughputResult(spec.Name, texts.Count, speeds, tokens, padded, flops);
    }
}
