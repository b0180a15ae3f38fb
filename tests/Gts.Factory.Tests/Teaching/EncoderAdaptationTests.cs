using Gts.Core.Data;
using Gts.Factory.Teaching;
using Gts.Neural.Models;

namespace Gts.Factory.Tests.Teaching;

[Collection(TorchCollection.Name)]
public sealed class EncoderAdaptationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-tapt-").FullName;

    [Fact]
    public void An_adapted_encoder_opens_as_an_encoder_and_can_be_fine_tuned_as_the_teach_step_does()
    {
        var texts = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? $"The kettle number {i} boils water quickly and looks great on the counter."
            : $"The blender number {i} broke after a week and the lid leaks.").ToList();
        var adapted = Path.Combine(_dir, "adapted");

        var result = EncoderAdaptation.Adapt("minilm", texts, steps: 6, seed: 1, adapted);

        Assert.True(double.IsFinite(result.HeldOutBefore) && double.IsFinite(result.HeldOutAfter));
        Assert.Equal(48, result.Info.Examples); // 12 of the 60 texts are held out
        Assert.Equal(PoolingMode.Mean, EncoderEnsemble.Spec(adapted).Pooling);
        Assert.NotEqual(FileHash.Sha256(PackagedEncoders.Extract(PackagedEncoders.MiniLM).OnnxPath), FileHash.Sha256(Path.Combine(adapted, "model.onnx")));

        Assert.True(Generation.MaskedLmGenerator.CanGenerate(adapted), "TAPT keeps the MLM head for masked-LM replacement");
        var variants = Generation.MaskedLmGenerator.Generate(adapted, [new Example(texts[0], null, Example.Unlabeled)], perExample: 2, seed: 3);
        Assert.NotEmpty(variants);
        Assert.All(variants, v => Assert.NotEqual(texts[0].ToLowerInvariant(), v.Text));
        Assert.All(variants, v => Assert.InRange(v.Text.Split(' ').Length, 10, 18)); // word pieces rejoined into words with spaces

        var train = texts.Take(8).Select((t, i) => new Example(t, null, i % 2)).ToList();
        var tuned = Path.Combine(_dir, "tuned");
        EncoderTuning.Tune(adapted, train, 2, new TuningOptions(MaxPairs: 16), tuned);
        using var ensemble = EncoderEnsemble.Open([tuned], cacheRoot: Path.Combine(_dir, "cache"));
        Assert.Equal(384, ensemble.Encoders[0].Encode([texts[0]])[0].Length);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
