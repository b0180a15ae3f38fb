using Gts.Planner.Parallel;

namespace Gts.Planner.Schedules;

/// <summary>A simulated pipeline iteration: every pass with its times, the makespan, the bubble as a fraction of
/// the ideal (bubble-free) time, and per stage the peak of stored activations in whole-stage micro-batches.</summary>
public sealed record ScheduleResult(PipelineSchedule Schedule, int Stages, int MicroBatches, int VirtualStages,
    IReadOnlyList<ScheduleOp> Ops, double Makespan, double IdealTime, IReadOnlyList<double> PeakInFlight)
{
    /// <summary>Bubble time over ideal time; the closed form is (p−1)/m, or (p−1)/(v·m) interleaved.</summary>
    public double BubbleFraction => (Makespan - IdealTime) / IdealTime;
}
