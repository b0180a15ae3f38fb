using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>Multi-head scaled dot-product self-attention with its output projection (no residual, no norm).</summary>
public sealed class SelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly Linear _output;
    private readonly int _heads;
    private readonly int _headDim;
    private readonly double _dropout;

    public SelfAttention(EncoderConfig config) : base(nameof(SelfAttention))
    {
        _heads = config.Heads;
        _headDim = config.HeadDim;
        _dropout = config.Dropout;
        _query = nn.Linear(config.Hidden, config.Hidden);
        _key = nn.Linear(config.Hidden, config.Hidden);
        _value = nn.Linear(config.Hidden, config.Hidden);
        _output = nn.Linear(config.Hidden, config.Hidden);
        register_module("query", _query);
        register_module("key", _key);
        register_module("value", _value);
        register_module("output", _output);
    }

    /// <summary>hidden [batch, seq, hidden], additiveMask [batch, 1, 1, seq] (0 keep, large negative drop).</summary>
    public override Tensor forward(Tensor hidden, Tensor additiveMask)
    {
        long b = hidden.shape[0], s = hidden.shape[1];
        var q = Heads(_query.forward(hidden), b, s);
        var k = Heads(_key.forward(hidden), b, s);
        var v = Heads(_value.forward(hidden), b, s);
        var context = nn.functional.scaled_dot_product_attention(q, k, v, additiveMask, training ? _dropout : 0.0);
        return _output.forward(context.transpose(1, 2).reshape(b, s, _heads * _headDim));
    }

    private Tensor Heads(Tensor x, long b, long s) => x.view(b, s, _heads, _headDim).transpose(1, 2);
}
