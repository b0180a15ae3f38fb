namespace Gts.Core.Compute;

/// <summary>An elastic step runs on any GPU count in [Min, Max]; the scheduler grows and shrinks it between cycles.</summary>
public readonly record struct ElasticRange(int MinGpus, int MaxGpus);
