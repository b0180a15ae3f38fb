namespace Gts.Sim.Traces;

/// <summary>One job of a Pollux workload: name, submit time (s), model, GPUs and global batch size asked for.</summary>
public sealed record PolluxJob(string Name, double Submit, string Application, int Replicas, int BatchSize);
