namespace Gts.Core.Execution;

/// <summary>A submitted task: the dispatcher's key and the executor's own id for it (Slurm "123_4", a local directory).</summary>
public sealed record TaskHandle(string Key, string ExternalId);
