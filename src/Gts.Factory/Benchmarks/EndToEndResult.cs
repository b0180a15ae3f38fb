namespace Gts.Factory.Benchmarks;

/// <summary>One timed `gts produce` through the dispatcher (the end-to-end target): wall time, exit code, the data it ran on,
/// and what the exported model card reported (step timings and test accuracies, when the run succeeded).</summary>
public sealed record EndToEndResult
{
    public const int CurrentProtocol = 1;

    public int Protocol { get; init; } = CurrentProtocol;

    public required string Command { get; init; }

    public required double Seconds { get; init; }

    public required int ExitCode { get; init; }

    /// <summary>Labelled examples per class and classes, e.g. 8 x 2.</summary>
    public required string Labels { get; init; }

    /// <summary>How the pool was made up, e.g. "3,454 unlabeled + 1,546 train texts without labels".</summary>
    public required string Pool { get; init; }

    public int PoolCount { get; init; }

    public IReadOnlyDictionary<string, double> StepSeconds { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Accuracy { get; init; } = new Dictionary<string, double>();

    public string LoadBefore { get; init; } = "";

    public string LoadAfter { get; init; } = "";

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>The last lines the command printed (the error when it failed).</summary>
    public string OutputTail { get; init; } = "";
}
