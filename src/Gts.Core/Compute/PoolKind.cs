namespace Gts.Core.Compute;

/// <summary>What kind of compute a pool is; executors and cost rules differ per kind.</summary>
public enum PoolKind
{
    /// <summary>The machine gts runs on (the embedded default).</summary>
    Local,

    /// <summary>A Slurm cluster; gts decides what runs where, Slurm launches it.</summary>
    Slurm,

    /// <summary>A Kubernetes cluster driven through its API.</summary>
    Kubernetes,

    /// <summary>Rented cloud capacity, usually the most expensive pool and the burst target.</summary>
    Cloud,
}
