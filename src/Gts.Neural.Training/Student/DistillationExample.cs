namespace Gts.Neural.Training.Student;

/// <summary>One training row for the student: a text (or pair), the teacher's class probabilities as the
/// target, and a weight (gold-labelled examples usually weigh more than pool text).</summary>
public sealed record DistillationExample(string Text, string? TextB, float[] Target, float Weight = 1f);
