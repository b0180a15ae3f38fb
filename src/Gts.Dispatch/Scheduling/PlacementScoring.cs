namespace Gts.Dispatch.Scheduling;

/// <summary>How Level 1 ranks the nodes (and GPUs) that pass the filters.</summary>
public enum PlacementScoring
{
    /// <summary>Least capacity left on the node after placing (packing); the FGD paper's strongest baseline.</summary>
    BestFit,

    /// <summary>Least growth of the node's GPU fragmentation against the expected workload mix
    /// (Weng et al., ATC'23, "Fragmentation Gradient Descent"); needs a <see cref="Level1.WorkloadMix"/>.</summary>
    Fragmentation,
}
