namespace Gts.Factory.Benchmarks;

/// <summary>Everything a grid run produced: every cell's result (cached or new) and the embedding work done in this run.</summary>
public sealed record FewShotRun(IReadOnlyList<FewShotCellResult> Results, IReadOnlyList<EmbeddingStat> Embeddings, int CellsRun, int CellsCached);
