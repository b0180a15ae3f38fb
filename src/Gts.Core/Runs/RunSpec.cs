namespace Gts.Core.Runs;

/// <summary>A run as submitted: a DAG of steps with a name, the tenant and queue it is charged to and a priority.</summary>
public sealed record RunSpec(string Name, IReadOnlyList<StepSpec> Steps)
{
    public string Tenant { get; init; } = "default";
    public string Queue { get; init; } = "default";
    public int Priority { get; init; }
}
