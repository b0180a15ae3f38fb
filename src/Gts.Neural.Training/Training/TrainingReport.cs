namespace Gts.Neural.Training.Training;

/// <summary>What one training run did: steps, per-step losses, throughput, dev score and memory.</summary>
public sealed record TrainingReport(
    int Steps,
    int Epochs,
    IReadOnlyList<double> StepLosses,
    long Tokens,
    double Seconds,
    double BestDev,
    bool StoppedEarly,
    long PeakResidentBytes,
    int ResumedFromEpoch)
{
    /// <summary>Forward + backward tokens per second over the whole run.</summary>
    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;
}
