using Gts.Core.Runs;

namespace Gts.Core.Execution;

/// <summary>One submission to an executor: a unique key, the resources of each task, and the tasks (one for a
/// plain step, many for a batch, which Slurm runs as a job array). Env is added to every task's environment.</summary>
public sealed record Launch(string Key, StepResources Resources, IReadOnlyList<LaunchTask> Tasks)
{
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
}
