using Gts.Core.Compute;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;

namespace Gts.Sim.Engine;

/// <summary>One job inside the simulator: its request, how fast it progresses on a placement, and what happened to it.</summary>
public sealed class SimJob
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required double Submit { get; init; }
    public required ResourceRequest Request { get; init; }

    /// <summary>Work to do, in the job's own units (seconds at the requested GPUs, or optimizer steps).</summary>
    public required double TotalWork { get; init; }

    /// <summary>Work units per second given (GPUs, nodes).</summary>
    public required Func<int, int, double> Rate { get; init; }

    /// <summary>Run time alone on the cluster at the requested GPUs (for finish-time fairness).</summary>
    public required double IsolatedSeconds { get; init; }

    /// <summary>Jobs with the same key are alike for run-time estimates.</summary>
    public required string EstimateKey { get; init; }

    /// <summary>Relative throughput at 1, 2, … GPUs, for elastic scheduling.</summary>
    public IReadOnlyList<double>? Throughput { get; init; }

    internal double Work { get; set; }
    internal Allocation? Allocation { get; set; }
    internal double PausedUntil { get; set; }
    internal double FirstStart { get; set; } = -1;
    internal double Finish { get; set; } = -1;
    internal double AttainedGpuSeconds { get; set; }
    internal double RunSeconds { get; set; }
    internal double? EstimatedTotal { get; set; }
    internal PendingStep? PendingView { get; set; }
    internal int Restarts { get; set; }
    internal double CurrentRate { get; set; }
}
