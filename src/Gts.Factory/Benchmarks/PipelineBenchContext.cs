namespace Gts.Factory.Benchmarks;

/// <summary>Where and how a pipeline benchmark ran, stated above its tables: machine, date, exact command, data, load averages, duration.</summary>
public sealed record PipelineBenchContext(string Machine, DateTimeOffset Date, string Command, string Data, string LoadBefore, string LoadAfter, TimeSpan Duration);
