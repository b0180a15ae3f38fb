using Gts.Core.Metrics;
using Gts.Factory.Teaching;

namespace Gts.Factory.Benchmarks;

/// <summary>The outcome of one pipeline cell: test metrics of teacher, student and the two floors (keys of
/// <see cref="Pipeline.EvaluationReport"/>), the student's size and speed, the wall time of every step, the
/// self-training record; or the reason the cell was skipped.</summary>
public sealed record PipelineCellResult : IBenchmarkResult<PipelineCell>
{
    /// <summary>Version of the protocol; a cached result with another version is recomputed.</summary>
    public const int CurrentProtocol = 1;

    public required PipelineCell Cell { get; init; }

    public int Protocol { get; init; } = CurrentProtocol;

    /// <summary>Why the cell did not run; null when it ran.</summary>
    public string? SkipReason { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public int TrainCount { get; init; }

    public int DevCount { get; init; }

    public string DevSource { get; init; } = "";

    public int TestCount { get; init; }

    public int PoolCount { get; init; }

    /// <summary>Test metrics per model: teacher, student, and the TF-IDF and MiniLM floors on the same gold labels.</summary>
    public IReadOnlyDictionary<string, ClassificationReport> Models { get; init; } = new Dictionary<string, ClassificationReport>();

    public long StudentBytes { get; init; }

    /// <summary>Student batch inference incl. tokenization, one ONNX Runtime thread, as the evaluate step measures it.</summary>
    public double StudentTextsPerSecond { get; init; }

    /// <summary>Wall seconds per plan step, in plan order.</summary>
    public IReadOnlyDictionary<string, double> StepSeconds { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<SelfTraining.Round> SelfTrainingRounds { get; init; } = [];

    /// <summary>Pseudo-labels the kept self-training rounds added to the gold labels.</summary>
    public int PseudoLabels { get; init; }

    /// <summary>Texts the final teacher soft-labelled for distillation (pool kept by the generate step + EDA variants).</summary>
    public int SoftLabels { get; init; }

    /// <summary>1-minute load average when the cell finished (the machine is shared; timings depend on it).</summary>
    public string LoadAverage { get; init; } = "";

    public DateTimeOffset FinishedAt { get; init; }

    public bool Skipped => SkipReason is not null;
}
