using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>Position-wise feed-forward block: Linear(h, 4h), exact (erf) GELU, Linear(4h, h).</summary>
public sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Linear _intermediate;
    private readonly Linear _output;
    private readonly GELU _gelu;

    public FeedForward(EncoderConfig config) : base(nameof(FeedForward))
    {
        _intermediate = nn.Linear(config.Hidden, config.Intermediate);
        _output = nn.Linear(config.Intermediate, config.Hidden);
        _gelu = nn.GELU();
        register_module("intermediate", _intermediate);
        register_module("output", _output);
    }

    public override Tensor forward(Tensor hidden) => _output.forward(_gelu.forward(_intermediate.forward(hidden)));
}
