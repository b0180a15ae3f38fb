using Gts.Neural.Models;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Text;

namespace Gts.Neural.Training.Tests;

/// <summary>Tiny random encoders and 8-example data sets for tests that must overfit.</summary>
internal static class Tiny
{
    public static readonly SpecialTokens Special = new(0, 1, 2, 3, 4, 40, 5);

    public static EncoderConfig Config(NormPlacement norm = NormPlacement.PostLN, int layers = 2) =>
        new(VocabSize: 40, Hidden: 32, Layers: layers, Heads: 4, Intermediate: 64, MaxPositions: 64, LayerNormEps: 1e-12, Dropout: 0.0, Norm: norm);

    public static BertEncoder Encoder(NormPlacement norm = NormPlacement.PostLN, int seed = 1)
    {
        TorchRuntime.Seed(seed);
        var encoder = new BertEncoder(Config(norm));
        ModelInitializer.Initialize(encoder);
        return encoder;
    }

    public static SentenceClassifier Classifier(int classes = 2, NormPlacement norm = NormPlacement.PostLN) =>
        new(Encoder(norm), PoolingMode.Mean, classes, dropout: 0.0);

    /// <summary>8 texts of 4-9 random ordinary tokens wrapped in [CLS] ... [SEP].</summary>
    public static TokenSequence[] Texts(int count = 8, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var body = Enumerable.Range(0, random.Next(4, 10)).Select(_ => random.Next(Special.FirstOrdinary, Special.VocabSize));
            return TokenSequence.Single([Special.Cls, .. body, Special.Sep]);
        }).ToArray();
    }

    public static readonly int[] Labels = [0, 1, 0, 1, 1, 0, 1, 0];
}
