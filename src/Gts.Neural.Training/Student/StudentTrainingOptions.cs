namespace Gts.Neural.Training.Student;

/// <summary>How the student is trained: epochs, batch size, learning rate, seed.</summary>
public sealed record StudentTrainingOptions(int Epochs = 10, int BatchSize = 64, double LearningRate = 5e-3, double WeightDecay = 1e-5, int Seed = 0);
