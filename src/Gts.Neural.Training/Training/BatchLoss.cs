using static TorchSharp.torch;

namespace Gts.Neural.Training.Training;

/// <summary>The scalar loss of one micro-batch and the number of real (non-padding) tokens it processed.</summary>
public readonly record struct BatchLoss(Tensor Loss, long Tokens);
