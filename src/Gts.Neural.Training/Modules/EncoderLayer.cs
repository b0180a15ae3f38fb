using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>One transformer encoder layer: attention and feed-forward sublayers, each wrapped by the configured norm placement.</summary>
public sealed class EncoderLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly SelfAttention _attention;
    private readonly LayerNorm _attentionNorm;
    private readonly FeedForward _ffn;
    private readonly LayerNorm _ffnNorm;
    private readonly Dropout _dropout;
    private readonly NormPlacement _placement;
    private readonly double _alpha;

    public EncoderLayer(EncoderConfig config, DeepNormScaling scaling) : base(nameof(EncoderLayer))
    {
        _placement = config.Norm;
        _alpha = scaling.Alpha;
        _attention = new SelfAttention(config);
        _attentionNorm = nn.LayerNorm(config.Hidden, config.LayerNormEps);
        _ffn = new FeedForward(config);
        _ffnNorm = nn.LayerNorm(config.Hidden, config.LayerNormEps);
        _dropout = nn.Dropout(config.Dropout);
        register_module("attention", _attention);
        register_module("attention_norm", _attentionNorm);
        register_module("ffn", _ffn);
        register_module("ffn_norm", _ffnNorm);
        register_module("dropout", _dropout);
    }

    public override Tensor forward(Tensor hidden, Tensor additiveMask)
    {
        switch (_placement)
        {
            case NormPlacement.PreLN:
                var a = hidden + _dropout.forward(_attention.forward(_attentionNorm.forward(hidden), additiveMask));
                return a + _dropout.forward(_ffn.forward(_ffnNorm.forward(a)));
            case NormPlacement.DeepNorm:
                var d = _attentionNorm.forward(hidden * _alpha + _dropout.forward(_attention.forward(hidden, additiveMask)));
                return _ffnNorm.forward(d * _alpha + _dropout.forward(_ffn.forward(d)));
            default:
                var p = _attentionNorm.forward(hidden + _dropout.forward(_attention.forward(hidden, additiveMask)));
                return _ffnNorm.forward(p + _dropout.forward(_ffn.forward(p)));
        }
    }
}
