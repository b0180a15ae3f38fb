namespace Gts.Neural.Training.Student;

/// <summary>How the student is trained: epochs (raised until at least MinSteps updates), batch size, learning rate, seed.</summary>
public sealed record StudentTrainingOptions(int Epochs = 10, int BatchSize = 64, double LearningRate = 1e-2, double WeightDecay = 1e-5, int Seed = 0, int MinSteps = 400);
