using Gts.Planner.Hardware;

namespace Gts.Planner.Timing;

/// <summary>Ring-algorithm costs of the collectives (Thakur et al. 2005; NCCL's ring): an all-reduce of B bytes
/// over n ranks sends 2·(n−1)/n·B per rank in 2·(n−1) steps; all-gather and reduce-scatter half of that.</summary>
public static class Collectives
{
    /// <summary>Seconds for a ring all-reduce of <paramref name="bytes"/> over <paramref name="ranks"/> ranks.</summary>
    public static double AllReduce(double bytes, int ranks, LinkSpec link) =>
        ranks <= 1 ? 0 : 2.0 * (ranks - 1) / ranks * bytes / link.BytesPerSecond + 2.0 * (ranks - 1) * link.LatencySeconds;

    /// <summary>Seconds for a ring all-gather (or reduce-scatter) whose full result is <paramref name="bytes"/>.</summary>
    public static double AllGather(double bytes, int ranks, LinkSpec link) =>
        ranks <= 1 ? 0 : (ranks - 1.0) / ranks * bytes / link.BytesPerSecond + (ranks - 1.0) * link.LatencySeconds;

    /// <summary>Seconds for one point-to-point message.</summary>
    public static double PointToPoint(double bytes, LinkSpec link) => bytes / link.BytesPerSecond + link.LatencySeconds;
}
