namespace Gts.Planner.Validation;

/// <summary>One row of the published-runs reference set (<c>training-runs/runs.csv</c>); empty cells are null.</summary>
public sealed record PublishedRun
{
    public required string Id { get; init; }
    public required int Line { get; init; }
    public string Model { get; init; } = "";
    public double? ParamsB { get; init; }
    public int? Layers { get; init; }
    public int? Hidden { get; init; }
    public int? Heads { get; init; }
    public int? FfnHidden { get; init; }
    public int? SeqLen { get; init; }
    public int? Vocab { get; init; }
    public string Hardware { get; init; } = "";
    public int? Accelerators { get; init; }
    public int? GpusPerNode { get; init; }
    public int? Dp { get; init; }
    public int? Tp { get; init; }
    public int? Pp { get; init; }
    public int? Cp { get; init; }
    public int? Ep { get; init; }
    public int? VirtualStages { get; init; }
    public int? ZeroStage { get; init; }
    public string SequenceParallel { get; init; } = "";
    public string ActivationRecompute { get; init; } = "";
    public int? MicroBatch { get; init; }
    public int? GlobalBatch { get; init; }
    public double? TflopsPerGpu { get; init; }
    public double? MemoryGbPerGpu { get; init; }
    public string Source { get; init; } = "";
    public string SourceLocator { get; init; } = "";
}
