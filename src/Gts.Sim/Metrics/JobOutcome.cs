namespace Gts.Sim.Metrics;

/// <summary>What happened to one job: seconds from submit to finish (JCT), to first start (queueing), its run
/// time alone, and how often it was stopped and restarted.</summary>
public readonly record struct JobOutcome(string Id, string Tenant, double Submit, double Jct, double Queueing, double Isolated, int Restarts)
{
    /// <summary>Finish-time fairness ρ = JCT / run time alone (Themis, NSDI'20, with the whole cluster as fair share).</summary>
    public double Rho => Jct / Math.Max(Isolated, 1e-9);
}
