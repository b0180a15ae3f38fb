using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Training;

/// <summary>AdamW parameter groups: weight decay on matrices, none on biases and normalization gains (1-D parameters).</summary>
public static class ParameterGroups
{
    /// <summary>Two groups for <see cref="optim.AdamW(IEnumerable{AdamW.ParamGroup}, double, double, double, double, double, bool, bool)"/>.</summary>
    public static AdamW.ParamGroup[] For(nn.Module model, double learningRate, double weightDecay)
    {
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        var decay = parameters.Where(p => p.dim() > 1).ToArray();
        var noDecay = parameters.Where(p => p.dim() <= 1).ToArray();
        return
        [
            new AdamW.ParamGroup(decay, new AdamW.Options { LearningRate = learningRate, weight_decay = weightDecay }),
            new AdamW.ParamGroup(noDecay, new AdamW.Options { LearningRate = learningRate, weight_decay = 0.0 }),
        ];
    }
}
