namespace Gts.Sim.Experiments;

/// <summary>Timing of one scheduling cycle on a large cluster: milliseconds per cycle (p50, p99, mean), and what the
/// cycle decided (so a fast but empty cycle shows).</summary>
public sealed record CycleBenchResult(int Gpus, int Nodes, int Pending, int Running, int Repeats, double P50Ms, double P99Ms, double MeanMs,
    int Placements, int Preemptions, int Rejections, double SnapshotMs);
