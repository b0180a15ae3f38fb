using System.Text.Json;
using Gts.Factory.Pipeline;
using Gts.Neural.Models;
using Gts.Neural.Training.Export;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Onnx;

namespace Gts.Factory.Teaching;

/// <summary>What a tuned (SetFit) or adapted (TAPT) encoder folder holds besides model.onnx and vocab.txt: what it started
/// from and how to pool it.</summary>
public sealed record TunedEncoderInfo(string Base, PoolingMode Pooling, bool LowerCase, int Examples, int Pairs, double Seconds, double TokensPerSecond)
{
    public const string FileName = "encoder.json";

    /// <summary>Writes a trained encoder as a folder that <see cref="EncoderEnsemble"/> opens: model.onnx (route (a) of
    /// <see cref="OnnxExport"/> on the graph it was loaded from, route (b) when there is none), vocab.txt and encoder.json
    /// (described after the export).</summary>
    public static TunedEncoderInfo WriteFolder(string directory, SentenceClassifier model, OnnxEncoderFile? template, string vocabPath, Func<TunedEncoderInfo> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        Directory.CreateDirectory(directory);
        OnnxExport.Write(model, Path.Combine(directory, "model.onnx"), template);
        var vocab = Path.Combine(directory, "vocab.txt");
        if (!string.Equals(Path.GetFullPath(vocabPath), Path.GetFullPath(vocab), StringComparison.Ordinal)) File.Copy(vocabPath, vocab, overwrite: true);
        var info = describe();
        File.WriteAllBytes(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(info, ArtifactJson.Options));
        return info;
    }

    /// <summary>The encoder.json of a folder, or null when it has none (a user-supplied encoder).</summary>
    public static TunedEncoderInfo? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<TunedEncoderInfo>(File.ReadAllBytes(path), ArtifactJson.Options) : null;
    }
}
