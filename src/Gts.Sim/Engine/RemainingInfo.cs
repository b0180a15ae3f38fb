namespace Gts.Sim.Engine;

/// <summary>What a policy is told about how long a job will still run.</summary>
public enum RemainingInfo
{
    /// <summary>Nothing (FIFO, Tiresias).</summary>
    None,

    /// <summary>The true remaining time (an oracle; for Pollux jobs it is what the model profiles predict).</summary>
    Oracle,

    /// <summary>An estimate from finished jobs of the same kind (median), minus the time already run.</summary>
    Estimate,
}
