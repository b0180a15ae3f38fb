using Gts.Core.Metrics;

namespace Gts.Factory.Benchmarks;

/// <summary>The outcome of one grid cell: test metrics (with per-class scores and confusion), or the reason it was skipped.</summary>
public sealed record FewShotCellResult : IBenchmarkResult<FewShotCell>
{
    /// <summary>Version of the protocol; a cached result with another version is recomputed.</summary>
    public const int CurrentProtocol = 1;

    public required FewShotCell Cell { get; init; }

    public int Protocol { get; init; } = CurrentProtocol;

    /// <summary>Why the cell was not run (e.g. a class with fewer than K examples); null when it ran.</summary>
    public string? SkipReason { get; init; }

    public int TrainCount { get; init; }

    public int TestCount { get; init; }

    public int Features { get; init; }

    public int Iterations { get; init; }

    /// <summary>Training wall time: TF-IDF fit + training rows + L-BFGS (encoders: the fit only; embeddings come from the cache).</summary>
    public double TrainSeconds { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public ClassificationReport? Report { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public bool Skipped => SkipReason is not null;
}
