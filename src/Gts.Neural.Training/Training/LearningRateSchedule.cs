namespace Gts.Neural.Training.Training;

/// <summary>Linear warm-up from 0 to the peak, then linear decay to 0 at the last step (BERT's schedule).</summary>
public static class LearningRateSchedule
{
    /// <summary>The multiplier of the peak rate for 0-based optimizer step <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public static double Factor(int step, int totalSteps, int warmupSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        if (step < warmupSteps) return (step + 1.0) / warmupSteps;
        return Math.Max(0.0, (totalSteps - step) / (double)Math.Max(1, totalSteps - warmupSteps));
    }
}
