namespace Gts.Neural.Training.Training;

/// <summary>Tracks the best dev score (higher is better) and says when patience has run out.</summary>
public sealed record EarlyStopping(int Patience, double Best = double.NegativeInfinity, int BadEvaluations = 0)
{
    /// <summary>True when the last observation improved on the best so far.</summary>
    public bool Improved { get; init; }

    /// <summary>True when Patience evaluations in a row did not improve (never when Patience is 0).</summary>
    public bool ShouldStop => Patience > 0 && BadEvaluations >= Patience;

    /// <summary>The state after one more dev score.</summary>
    public EarlyStopping Observe(double score) => score > Best
        ? this with { Best = score, BadEvaluations = 0, Improved = true }
        : this with { BadEvaluations = BadEvaluations + 1, Improved = false };
}
