namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Tiresias-like discretized two-dimensional least-attained-service (Gu et al., NSDI'19): a step's class is
/// the first threshold its attained GPU-seconds are below; FIFO inside a class; a waiting step preempts running
/// steps of a higher (worse) class. Needs no duration estimates.</summary>
public sealed class LeastAttainedServiceOrder(IReadOnlyList<double> thresholdsGpuSeconds) : IStepOrder
{
    /// <summary>Two queues split at one GPU-hour (our choice; Tiresias tunes its thresholds per cluster).</summary>
    public static LeastAttainedServiceOrder Default { get; } = new([3600.0]);

    public string Name => "tiresias-las";

    public OrderKey KeyOf(PendingStep step, DateTimeOffset now) => new(ClassOf(step.AttainedGpuSeconds) - 1000 * step.Priority, step.SubmittedAt.UtcTicks);

    public OrderKey KeyOf(RunningStep step, DateTimeOffset now) => new(ClassOf(step.AttainedGpuSeconds) - 1000 * step.Priority, step.SubmittedAt.UtcTicks);

    public bool MayPreempt(OrderKey waiting, OrderKey running) => waiting.Class < running.Class;

    private int ClassOf(double attained)
    {
        int c = 0;
        while (c < thresholdsGpuSeconds.Count && attained >= thresholdsGpuSeconds[c]) c++;
        return c;
    }
}
