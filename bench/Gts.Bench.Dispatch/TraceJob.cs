namespace Gts.Bench.Dispatch;

/// <summary>One Philly job after time compression: when it arrives and how long it sleeps (seconds from the
/// benchmark's start), its GPUs and the whole-minute time limit both schedulers are told.</summary>
internal sealed record TraceJob(int Id, double SubmitS, double DurationS, int Gpus, int LimitMinutes)
{
    /// <summary>GPUs per node and node count on 4-GPU nodes: whole nodes for more than 4 GPUs.</summary>
    public (int PerNode, int Nodes) Shape(int gpusPerNode) =>
        Gpus <= gpusPerNode ? (Gpus, 1) : (gpusPerNode, (Gpus + gpusPerNode - 1) / gpusPerNode);
}
