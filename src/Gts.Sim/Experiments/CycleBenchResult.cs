namespace Gts.Sim.Experiments;

/// <summary>Timing of one scheduling cycle on a large cluster: wall milliseconds per cycle (p50, p99, mean), the
/// thread's CPU milliseconds (p50, p99), and what the
/// cycle decided (so a fast but empty cycle shows).</summary>
public sealed record CycleBenchResult(int Gpus, int Nodes, int Pending, int Running, int Repeats, double P50Ms, double P99Ms, double MeanMs, double CpuP50Ms, double CpuP99Ms,
    int Placements, int Preemptions, int Rejections, double SnapshotMs);
