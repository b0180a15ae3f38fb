namespace Gts.Planner.Parallel;

/// <summary>Activation recomputation (Korthikanti et al. 2022): none, the attention core only, or every layer.</summary>
public enum Recompute
{
    None,
    Selective,
    Full,
}
