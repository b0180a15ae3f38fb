namespace Gts.Core.Runs;

/// <summary>One node of a plan: a step kind with its arguments, the steps it depends on, its declared inputs
/// (name → "step:output" of an upstream step) and outputs, resources, and Tasks &gt; 1 for a batch (array)
/// of similar tasks that each get their index in the argument "task".</summary>
public sealed record StepSpec(string Id, string Kind)
{
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Outputs { get; init; } = [];
    public StepResources Resources { get; init; } = StepResources.Default;
    public int Tasks { get; init; } = 1;
    public int MaxAttempts { get; init; } = 3;

    /// <summary>A pool to run on; null lets the scheduler choose.</summary>
    public string? Pool { get; init; }
}
