namespace Gts.Core.Compute;

/// <summary>How the GPUs of a gang must be laid out. The gang's GPUs are cut into tensor-parallel groups of
/// <see cref="TensorParallel"/> GPUs, each on one node; <see cref="PipelineStages"/> consecutive groups form one
/// pipeline replica, which must sit under one switch when <see cref="StagesUnderOneSwitch"/> is set. A
/// <see cref="Nodes"/> value fixes the node count (GPUs spread evenly); null lets the scheduler use the fewest.</summary>
public sealed record GangShape(int TensorParallel = 1, int PipelineStages = 1, bool StagesUnderOneSwitch = false, int? Nodes = null)
{
    /// <summary>No layout constraint beyond all-or-nothing.</summary>
    public static GangShape Any { get; } = new();
}
