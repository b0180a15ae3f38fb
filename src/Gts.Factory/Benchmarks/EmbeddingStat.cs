namespace Gts.Factory.Benchmarks;

/// <summary>How long embedding one data set's texts (test + every sampled training text) took with one encoder in this run.</summary>
public sealed record EmbeddingStat(string Dataset, string Encoder, int Texts, double Seconds);
