namespace Gts.Factory.Benchmarks;

/// <summary>A progress report of a pipeline benchmark: a stage ("cells", "embed" or "teacher speed"), what is being done, and counts.</summary>
public readonly record struct PipelineProgress(string Stage, string Description, int Done, int Total);
