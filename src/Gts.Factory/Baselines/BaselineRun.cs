namespace Gts.Factory.Baselines;

/// <summary>What one baseline fit produced: test predictions, feature count, solver iterations and training wall time
/// (features of the training rows + the fit; test featurisation and prediction excluded).</summary>
public sealed record BaselineRun(int[] Predictions, int Features, int Iterations, double TrainSeconds);
