namespace Gts.Core.Execution;

/// <summary>A finished step's outputs (declared name → artifact hash) and a one-line summary.</summary>
public sealed record StepOutcome(IReadOnlyDictionary<string, string> Outputs, string? Message = null)
{
    public static StepOutcome None { get; } = new(new Dictionary<string, string>());
}
