namespace Gts.Factory.Benchmarks;

/// <summary>Embedding done before a data set's cells (test + pool + every sampled text, texts not already cached) with one encoder.</summary>
public sealed record PipelineEmbedStat(string Dataset, string Encoder, int Texts, double Seconds);
