using Gts.Planner.Hardware;
using Gts.Planner.Models;
using Gts.Planner.Parallel;

namespace Gts.Planner.Validation;

/// <summary>A published run turned into planner inputs: its model, cluster, configuration and settings, the
/// FLOP convention of its reported TFLOP/s, and which settings the source left unstated (filled by the planner).</summary>
public sealed record ReconstructedRun(PublishedRun Run, TransformerModel Model, ClusterSpec Cluster, ParallelConfig Config,
    TrainingSettings Settings, FlopConvention Convention, string Filled, bool FitsPredictedMemory)
{
    /// <summary>The hardware group used for per-type errors (GPU type with memory).</summary>
    public string HardwareType => Cluster.Gpu.Name;

    /// <summary>FLOPs of one iteration in the source's own convention.</summary>
    public double ReportedConventionFlops()
    {
        double b = Settings.GlobalBatch, s = Model.SeqLength, l = Model.Layers, h = Model.Hidden, v = Model.Vocab;
        double n = (Run.ParamsB ?? Model.ParamCount / 1e9) * 1e9;
        return Convention switch
        {
            FlopConvention.MegatronEq3 => Timing.ModelFlops.Megatron(b, s, l, h, v),
            FlopConvention.MegatronModel => 72 * b * s * l * h * h * (1 + s / (6 * h) + v / (12 * l * h)),
            FlopConvention.SixN => b * s * Timing.ModelFlops.PerTokenSixN(n, l, h, s),
            FlopConvention.Bloom8N => 8 * n * s * b,
            _ => throw new ArgumentOutOfRangeException(nameof(Convention), Convention, null),
        };
    }
}
