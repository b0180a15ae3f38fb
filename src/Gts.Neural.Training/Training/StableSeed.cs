namespace Gts.Neural.Training.Training;

/// <summary>Derives per-epoch and per-batch seeds from a run's seed. Unlike <see cref="HashCode.Combine{T1,T2}"/>, whose
/// result changes from process to process, the same inputs give the same seed in every process, so a run is repeatable.</summary>
public static class StableSeed
{
    public static int Combine(params int[] parts)
    {
        ulong h = 14695981039346656037UL;
        foreach (var p in parts)
        {
            h ^= (uint)p;
            h *= 1099511628211UL;
            h ^= h >> 29;
        }
        return (int)(h ^ (h >> 32));
    }
}
