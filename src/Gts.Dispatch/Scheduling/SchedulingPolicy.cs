using Gts.Dispatch.Scheduling.Level1;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Dispatch.Scheduling;

/// <summary>The knobs of one scheduling policy; the cycle is a pure function of snapshot and policy.</summary>
public sealed record SchedulingPolicy
{
    public string Name { get; init; } = "default";

    /// <summary>Queue-sort stage (Level 2).</summary>
    public IStepOrder Order { get; init; } = new FifoOrder();

    /// <summary>Interleave queues and tenants by weighted dominant-resource share (DRF) before the order.</summary>
    public bool FairShare { get; init; }

    public BlockingMode Blocking { get; init; } = BlockingMode.Backfill;

    /// <summary>Let a waiting step stop lower-ranked running steps (they are requeued).</summary>
    public bool Preemption { get; init; }

    /// <summary>At most this many waiting steps look for victims per cycle (bounds the cycle's cost).</summary>
    public int MaxPreemptionAttempts { get; init; } = 8;

    /// <summary>Grow and shrink elastic steps between their min and max GPUs.</summary>
    public bool Elastic { get; init; }

    /// <summary>An elastic step is first sized to the most GPUs at which it still runs at this parallel efficiency
    /// (speed-up ÷ GPUs), shortest remaining work first; spare GPUs then go where they save most.</summary>
    public double ElasticEfficiency { get; init; } = 0.6;

    /// <summary>An elastic step is grown only when that saves at least this much of its run time (restarts cost).</summary>
    public TimeSpan ResizeMinGain { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Node and GPU scoring stage (Level 1).</summary>
    public PlacementScoring Scoring { get; init; } = PlacementScoring.BestFit;

    /// <summary>Expected request mix for <see cref="PlacementScoring.Fragmentation"/>.</summary>
    public WorkloadMix? Mix { get; init; }

    /// <summary>A step waiting this long may burst to pools beyond the first-priority ones.</summary>
    public TimeSpan ExpansionWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Pools dearer than this per GPU-hour are never used for expansion.</summary>
    public double MaxCostPerGpuHour { get; init; } = double.PositiveInfinity;
}
