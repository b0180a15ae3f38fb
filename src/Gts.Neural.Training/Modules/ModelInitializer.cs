using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>Weight initialisation for encoders trained from scratch.</summary>
public static class ModelInitializer
{
    /// <summary>BERT's N(0, 0.02) for Linear and Embedding weights, zero biases, unit norms; for DeepNorm the
    /// value, attention-output and FFN weights are then Xavier-normal with gain β and query/key with gain 1
    /// (Wang et al. 2022, "DeepNet", Figure 2 pseudo-code).</summary>
    public static void Initialize(BertEncoder encoder)
    {
        using var _ = no_grad();
        foreach (var (name, module) in encoder.named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    nn.init.normal_(linear.weight!, 0, 0.02);
                    if (linear.bias is not null) nn.init.zeros_(linear.bias);
                    break;
                case Embedding embedding:
                    nn.init.normal_(embedding.weight!, 0, 0.02);
                    break;
                case LayerNorm norm:
                    nn.init.ones_(norm.weight!);
                    nn.init.zeros_(norm.bias!);
                    break;
            }
            if (encoder.Config.Norm == NormPlacement.DeepNorm && module is Linear l)
            {
                var beta = DeepNormScaling.ForEncoder(encoder.Config.Layers).Beta;
                var gain = name.EndsWith(".query", StringComparison.Ordinal) || name.EndsWith(".key", StringComparison.Ordinal) ? 1.0 : beta;
                nn.init.xavier_normal_(l.weight!, gain);
            }
        }
    }
}
