namespace Gts.Factory.Benchmarks;

/// <summary>Everything a pipeline benchmark produced: every cell's result (cached or new), the embedding done up front, and
/// the teacher's measured size and speed for the Distill-off ablation (null when the profile has no ablations).</summary>
public sealed record PipelineRun(IReadOnlyList<PipelineCellResult> Results, IReadOnlyList<PipelineEmbedStat> Embeddings, TeacherSpeed? Teacher,
    int CellsRun, int CellsCached);
