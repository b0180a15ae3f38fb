namespace Gts.Sim.Experiments;

/// <summary>One placement run on the Alibaba cluster: GPUs asked for by the pods that arrived, GPUs placed, and
/// what stays unused, in GPUs and as a share of the cluster's GPUs.</summary>
public sealed record AlibabaResult(string Workload, string Policy, int ClusterGpus, int Pods, double ArrivedGpus, double AllocatedGpus, int FailedPods, double FragmentGpus, double WallSeconds)
{
    public double UnallocatedGpus => ArrivedGpus - AllocatedGpus;
    public double UnallocatedPct => 100 * UnallocatedGpus / ClusterGpus;
    public double AllocationRatePct => 100 * AllocatedGpus / ClusterGpus;
}
