namespace Gts.Dispatch.Scheduling;

/// <summary>What happens behind the first step of the order that does not fit.</summary>
public enum BlockingMode
{
    /// <summary>Nothing behind it starts (strict order, no starvation, idle GPUs).</summary>
    Strict,

    /// <summary>EASY backfill: it gets a reservation at its shadow time; later steps start only if they end
    /// before it or use GPUs it will not need.</summary>
    Backfill,

    /// <summary>Later steps start whenever they fit (greedy; large steps may starve).</summary>
    SkipBlocked,
}
