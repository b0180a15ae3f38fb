namespace Gts.Core.Runs;

/// <summary>What one task of a step needs on each of its nodes: CPUs, memory, GPUs; Nodes &gt; 1 makes a
/// gang (all nodes at once or none); TimeLimit bounds the run time (Slurm needs whole minutes).</summary>
public sealed record StepResources(int Cpus = 1, int MemoryMb = 0, int Gpus = 0, int Nodes = 1, TimeSpan? TimeLimit = null)
{
    public static StepResources Default { get; } = new();

    /// <summary>Throws when a field is out of range; the message names the field and the value.</summary>
    public void Validate(string stepId)
    {
        if (Cpus < 1) throw new ArgumentException($"Step '{stepId}': cpus must be at least 1, got {Cpus}.");
        if (MemoryMb < 0) throw new ArgumentException($"Step '{stepId}': memory must not be negative, got {MemoryMb} MB.");
        if (Gpus < 0) throw new ArgumentException($"Step '{stepId}': gpus must not be negative, got {Gpus}.");
        if (Nodes < 1) throw new ArgumentException($"Step '{stepId}': nodes must be at least 1, got {Nodes}.");
    }
}
