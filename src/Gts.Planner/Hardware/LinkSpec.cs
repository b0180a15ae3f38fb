namespace Gts.Planner.Hardware;

/// <summary>One GPU's share of a link: bandwidth per direction in bytes/s and the latency of one message in seconds.</summary>
public readonly record struct LinkSpec(double BytesPerSecond, double LatencySeconds);
