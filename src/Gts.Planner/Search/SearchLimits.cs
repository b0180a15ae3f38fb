using Gts.Planner.Parallel;

namespace Gts.Planner.Search;

/// <summary>Optional restrictions of the search space: fixed degrees or settings (null = search over them).</summary>
public sealed record SearchLimits
{
    public int? Dp { get; init; }
    public int? Tp { get; init; }
    public int? Pp { get; init; }
    public int? VirtualStages { get; init; }
    public int? MicroBatch { get; init; }
    public int? ZeroStage { get; init; }

    /// <summary>Highest ZeRO stage to consider (3 = all).</summary>
    public int MaxZeroStage { get; init; } = 3;
    public Recompute? Recompute { get; init; }
    public bool? SequenceParallel { get; init; }
    public bool AllowOffload { get; init; } = true;

    /// <summary>False to search only what existed before Korthikanti et al. 2022: no selective recomputation.</summary>
    public bool AllowSelectiveRecompute { get; init; } = true;

    /// <summary>False to search without Megatron sequence parallelism (also Korthikanti et al. 2022).</summary>
    public bool AllowSequenceParallel { get; init; } = true;

    /// <summary>No restriction.</summary>
    public static SearchLimits None { get; } = new();
}
