namespace Gts.Factory.Benchmarks;

/// <summary>Where and how a benchmark ran, stated above every table: machine, date, exact command, data, load averages, duration.</summary>
public sealed record BenchmarkContext(string Machine, DateTimeOffset Date, string Command, string Data, string LoadBefore, string LoadAfter, TimeSpan Duration);
