namespace Gts.Planner.Parallel;

/// <summary>Pipeline schedules: GPipe (all forwards, then all backwards), 1F1B (PipeDream-Flush) and
/// Megatron's interleaved 1F1B over virtual stages.</summary>
public enum PipelineSchedule
{
    GPipe,
    OneFOneB,
    Interleaved,
}
