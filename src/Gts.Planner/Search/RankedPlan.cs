using Gts.Planner.Memory;
using Gts.Planner.Parallel;
using Gts.Planner.Timing;

namespace Gts.Planner.Search;

/// <summary>One configuration with its predicted peak memory, iteration time and throughput.</summary>
public sealed record RankedPlan(ParallelConfig Config, MemoryBreakdown Memory, TimeBreakdown Time,
    double SamplesPerSecond, double ModelTflopsPerGpu, double Mfu);
