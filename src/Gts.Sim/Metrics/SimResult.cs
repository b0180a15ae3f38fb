namespace Gts.Sim.Metrics;

/// <summary>The outcome of one simulated run: per-job outcomes and cluster-wide measures.</summary>
public sealed record SimResult(string Policy, IReadOnlyList<JobOutcome> Jobs, double MakespanSeconds, double GpuUtilization,
    double IdleWhileWaiting, int Cycles, double WallSeconds)
{
    public double MeanJct => Jobs.Average(j => j.Jct);
    public double Percentile(double p) => Stats.Percentile(Jobs.Select(j => j.Jct), p);
    public double MeanQueueing => Jobs.Average(j => j.Queueing);
    public double MeanRho => Jobs.Average(j => j.Rho);

    /// <summary>The worst tenant's mean ρ (finish-time fairness across tenants).</summary>
    public double WorstTenantRho => Jobs.GroupBy(j => j.Tenant).Max(g => g.Average(j => j.Rho));

    public int Restarts => Jobs.Sum(j => j.Restarts);
}
