namespace Gts.Dispatch.Scheduling.Cluster;

/// <summary>Resources held by one step, by node index within a <see cref="ClusterLayout"/>; all in one pool.</summary>
public sealed record Allocation(int Pool, IReadOnlyList<NodeShare> Shares)
{
    /// <summary>GPU devices touched.</summary>
    public int GpuCount
    {
        get
        {
            int n = 0;
            foreach (var s in Shares) n += s.Gpus.Length;
            return n;
        }
    }

    /// <summary>Whole-GPU equivalents (a 500-milli share counts 0.5).</summary>
    public double GpuEquivalents
    {
        get
        {
            double n = 0;
            foreach (var s in Shares) n += s.Gpus.Length * s.GpuMilli / 1000.0;
            return n;
        }
    }

    /// <summary>Distinct nodes used.</summary>
    public int NodeCount => Shares.Count;
}
