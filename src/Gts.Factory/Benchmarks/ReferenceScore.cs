namespace Gts.Factory.Benchmarks;

/// <summary>One reference cell's test metrics, as fractions.</summary>
public readonly record struct ReferenceScore(double Accuracy, double MacroF1, double Mcc);
