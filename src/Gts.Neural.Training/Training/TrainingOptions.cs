namespace Gts.Neural.Training.Training;

/// <summary>Hyper-parameters of one training run. Defaults are the usual BERT fine-tuning values.</summary>
public sealed record TrainingOptions
{
    public double LearningRate { get; init; } = 2e-5;
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Share of the optimizer steps spent warming the learning rate up linearly from 0.</summary>
    public double WarmupFraction { get; init; } = 0.1;

    public int Epochs { get; init; } = 3;

    /// <summary>Stops after this many optimizer steps even inside an epoch (0 = no limit).</summary>
    public int MaxSteps { get; init; }

    public int BatchSize { get; init; } = 16;

    /// <summary>Micro-batches whose gradients are summed before one optimizer step.</summary>
    public int AccumulationSteps { get; init; } = 1;

    /// <summary>Global L2 gradient-norm clip; 0 or less disables clipping.</summary>
    public double ClipNorm { get; init; } = 1.0;

    public int Seed { get; init; }

    /// <summary>Evaluate on the dev split every this many optimizer steps (0 = at the end of each epoch).</summary>
    public int EvalEverySteps { get; init; }

    /// <summary>Evaluations without improvement before stopping (0 = never stop early).</summary>
    public int Patience { get; init; }

    /// <summary>Folder for the end-of-epoch checkpoint; a run given a folder with a checkpoint resumes from it. Null = none.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Throws when a value cannot run.</summary>
    public TrainingOptions Validated()
    {
        if (LearningRate <= 0 || Epochs < 1 || BatchSize < 1 || AccumulationSteps < 1 || MaxSteps < 0 || WarmupFraction is < 0 or > 1 || Patience < 0 || EvalEverySteps < 0)
            throw new ArgumentException($"Invalid training options: {this}.");
        return this;
    }
}
