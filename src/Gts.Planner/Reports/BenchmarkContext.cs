namespace Gts.Planner.Reports;

/// <summary>Where and how a benchmark ran: CPU model and cores, date, exact command, 1-minute load average.</summary>
public sealed record BenchmarkContext(string Machine, string Date, string Command, string LoadAverage, string DataPath);
