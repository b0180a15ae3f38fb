namespace Gts.Core.Metrics;

/// <summary>Precision, recall and F1 of one label; support counts gold examples, predicted counts predictions.</summary>
public readonly record struct ClassScore(int Label, double Precision, double Recall, double F1, int Support, int Predicted);
