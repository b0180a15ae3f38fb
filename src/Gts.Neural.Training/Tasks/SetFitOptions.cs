using Gts.Neural.Training.Training;

namespace Gts.Neural.Training.Tasks;

/// <summary>SetFit settings; defaults follow the SetFit library (body lr 2e-5, batch 16, 1 epoch, 20 iterations), with
/// the number of pairs capped.</summary>
public sealed record SetFitOptions
{
    public TrainingOptions Body { get; init; } = new() { LearningRate = 2e-5, BatchSize = 16, Epochs = 1, WarmupFraction = 0.1 };

    /// <summary>Pairs per example per iteration: one positive, one negative.</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>Upper bound on the number of pairs, whatever the number of classes and examples.</summary>
    public int MaxPairs { get; init; } = 2000;

    /// <summary>Inverse L2 strength of the logistic-regression head (scikit-learn's C on the summed loss).</summary>
    public double HeadC { get; init; } = 1.0;
}
