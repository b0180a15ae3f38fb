namespace Gts.Factory.Pipeline;

/// <summary>A text (or pair) with the teacher's calibrated class probabilities: the student's training target.</summary>
public sealed record SoftLabel(string Text, string? TextB, float[] Probs);
