namespace Gts.Core.Runs;

/// <summary>A set of run and step rows to write as one transaction. Each row carries the Version it was read
/// at; the store writes Version + 1 and refuses the whole change when any row has moved on (stale snapshot).
/// New rows (Version 0 that do not exist yet) are inserted.</summary>
public sealed record RunChange(IReadOnlyList<RunRecord> Runs, IReadOnlyList<StepRecord> Steps)
{
    public static RunChange Empty { get; } = new([], []);

    public bool IsEmpty => Runs.Count == 0 && Steps.Count == 0;

    public static RunChange Of(params StepRecord[] steps) => new([], steps);
}
