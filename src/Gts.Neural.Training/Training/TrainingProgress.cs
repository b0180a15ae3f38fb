namespace Gts.Neural.Training.Training;

/// <summary>Reported after every optimizer step.</summary>
public readonly record struct TrainingProgress(int Step, int TotalSteps, int Epoch, double Loss, double LearningRate);
