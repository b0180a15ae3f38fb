using Gts.Planner.Memory;
using Gts.Planner.Timing;

namespace Gts.Planner.Validation;

/// <summary>The planner's prediction for one published run next to what was measured.</summary>
public sealed record RowPrediction(ReconstructedRun Run, bool IsCalibration, double MeasuredTflops, double PredictedTflops,
    TimeBreakdown Time, MemoryBreakdown Memory)
{
    /// <summary>Absolute percentage error of the throughput prediction.</summary>
    public double ThroughputApe => Math.Abs(PredictedTflops - MeasuredTflops) / MeasuredTflops * 100;

    /// <summary>Absolute percentage error of the memory prediction, when the source measured memory.</summary>
    public double? MemoryApe => Run.Run.MemoryGbPerGpu is { } gb ? Math.Abs(Memory.Total / 1e9 - gb) / gb * 100 : null;

    /// <summary>Predicts one run with the given efficiency parameters.</summary>
    public static RowPrediction Predict(ReconstructedRun run, bool isCalibration, EfficiencyParameters eff)
    {
        var time = TimeModel.Estimate(run.Model, run.Cluster, run.Config, run.Settings, eff);
        var memory = MemoryModel.Estimate(run.Model, run.Config, run.Settings);
        double predicted = run.ReportedConventionFlops() / time.Total / run.Cluster.TotalGpus / 1e12;
        return new RowPrediction(run, isCalibration, run.Run.TflopsPerGpu!.Value, predicted, time, memory);
    }
}
