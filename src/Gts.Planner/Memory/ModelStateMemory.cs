using Gts.Planner.Parallel;

namespace Gts.Planner.Memory;

/// <summary>Weights, gradients and optimizer states per GPU under ZeRO (Rajbhandari et al. 2020, Section 5):
/// mixed-precision Adam keeps 2 + 2 + 12 bytes per parameter; stage 1 partitions the optimizer states over the
/// data-parallel group, stage 2 also the gradients, stage 3 also the weights. CPU offload (ZeRO-Offload,
/// Ren et al. 2021) moves the optimizer states to host memory.</summary>
public static class ModelStateMemory
{
    /// <summary>The three model-state parts for <paramref name="parameters"/> held by one model-parallel rank.</summary>
    public static (double Weights, double Gradients, double OptimizerStates) PerGpu(double parameters, int dp, int zeroStage,
        TrainingSettings settings, bool cpuOffload = false)
    {
        if (zeroStage is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(zeroStage), zeroStage, "ZeRO stage is 0..3");
        if (dp < 1) throw new ArgumentOutOfRangeException(nameof(dp), dp, "data-parallel degree must be ≥ 1");
        double weights = settings.WeightBytes * parameters / (zeroStage >= 3 ? dp : 1);
        double grads = settings.GradientBytes * parameters / (zeroStage >= 2 ? dp : 1);
        double optimizer = cpuOffload ? 0 : settings.OptimizerBytes * parameters / (zeroStage >= 1 ? dp : 1);
        return (weights, grads, optimizer);
    }

    /// <summary>Total model-state bytes per GPU.</summary>
    public static double Total(double parameters, int dp, int zeroStage, TrainingSettings settings, bool cpuOffload = false)
    {
        var (w, g, o) = PerGpu(parameters, dp, zeroStage, settings, cpuOffload);
        return w + g + o;
    }
}
