using Gts.Core.Data;
using Gts.Factory.Teaching;
using Gts.Neural.Models;

namespace Gts.Factory.Tests.Teaching;

[Collection(TorchCollection.Name)]
public sealed class EncoderTuningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-tune-").FullName;

    private static readonly Example[] Train =
    [
        new("The blender is fantastic and works perfectly every morning.", null, 1),
        new("Great knives, sharp and well balanced.", null, 1),
        new("Customer service replaced the part quickly, very happy.", null, 1),
        new("Lovely kettle, boils fast and looks good.", null, 1),
        new("Broke after two days, a waste of money.", null, 0),
        new("The carafe leaks all over the counter.", null, 0),
        new("Arrived damaged and a week late.", null, 0),
        new("Support ignored my emails about the broken lid.", null, 0),
    ];

    [Fact]
    public void Tuning_pulls_same_label_texts_together_and_the_folder_opens_as_an_encoder_with_its_base_pooling()
    {
        var info = EncoderTuning.Tune("minilm", Train, 2, new TuningOptions(Epochs: 2, MaxPairs: 64), _dir);

        var spec = EncoderEnsemble.Spec(_dir);
        Assert.Equal(PoolingMode.Mean, spec.Pooling);
        Assert.Equal("minilm", info.Base);
        Assert.True(info.Pairs is > 0 and <= 64);

        using var tuned = EncoderEnsemble.Open([_dir], cacheRoot: Path.Combine(_dir, "cache"));
        using var packaged = EncoderEnsemble.Open(["minilm"], cacheRoot: Path.Combine(_dir, "cache"));
        double before = Margin(packaged.Encoders[0].Encode(Train.Select(e => e.Text).ToList()));
        double after = Margin(tuned.Encoders[0].Encode(Train.Select(e => e.Text).ToList()));
        Assert.True(after > before + 0.05, $"same-label minus different-label cosine: {before:F3} before tuning, {after:F3} after");
    }

    // Mean cosine of same-label pairs minus mean cosine of different-label pairs.
    private static double Margin(float[][] v)
    {
        double same = 0, diff = 0;
        int ns = 0, nd = 0;
        for (int i = 0; i < v.Length; i++)
            for (int j = i + 1; j < v.Length; j++)
            {
                double c = Cosine(v[i], v[j]);
                if (Train[i].Label == Train[j].Label) { same += c; ns++; } else { diff += c; nd++; }
            }
        return same / ns - diff / nd;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return dot / Math.Sqrt(na * nb);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
