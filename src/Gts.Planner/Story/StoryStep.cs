using Gts.Planner.Memory;
using Gts.Planner.Parallel;
using Gts.Planner.Timing;

namespace Gts.Planner.Story;

/// <summary>One step of the 3.9B BERT tuning story: the change made, the configuration and global batch, the
/// planner's memory and time, its throughput relative to the first step, and the talk's measured relative value.</summary>
public sealed record StoryStep(string Change, ParallelConfig Config, int GlobalBatch, MemoryBreakdown Memory, TimeBreakdown Time,
    double SamplesPerSecond, double Relative, double TalkRelative, double InterNodeBytesPerSecond)
{
    /// <summary>Share of the iteration spent in the exposed data-parallel gradient sync (ZeRO traffic included).</summary>
    public double GradientSyncShare => (Time.DataParallel + Time.ZeroComm) / Time.Total;
}
