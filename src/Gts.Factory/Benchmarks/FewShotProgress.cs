namespace Gts.Factory.Benchmarks;

/// <summary>A progress report of a grid run: a named stage ("cells", or "embed" for one data set and encoder) and its counts.</summary>
public readonly record struct FewShotProgress(string Stage, string Description, int Done, int Total);
