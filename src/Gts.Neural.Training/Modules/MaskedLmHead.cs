using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>BERT's MLM head: dense + GELU + LayerNorm, then a decoder whose weight is the encoder's word embedding matrix (tied) plus a bias.</summary>
public sealed class MaskedLmHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear _transform;
    private readonly GELU _gelu;
    private readonly LayerNorm _norm;
    private readonly Parameter _bias;
    private readonly Func<Tensor> _tiedWeight; // a delegate, not a field TorchSharp would register as a second parameter

    public MaskedLmHead(BertEncoder encoder) : base(nameof(MaskedLmHead))
    {
        var c = encoder.Config;
        _tiedWeight = () => encoder.WordWeight;
        _transform = nn.Linear(c.Hidden, c.Hidden);
        _gelu = nn.GELU();
        _norm = nn.LayerNorm(c.Hidden, c.LayerNormEps);
        _bias = nn.Parameter(zeros(c.VocabSize));
        register_module("transform", _transform);
        register_module("transform_norm", _norm);
        register_parameter("bias", _bias);
        using var _ = no_grad();
        nn.init.normal_(_transform.weight!, 0, 0.02);
        nn.init.zeros_(_transform.bias!);
    }

    /// <summary>hidden [n, h] -> vocabulary logits [n, vocab].</summary>
    public override Tensor forward(Tensor hidden) =>
        nn.functional.linear(_norm.forward(_gelu.forward(_transform.forward(hidden))), _tiedWeight(), _bias);
}
