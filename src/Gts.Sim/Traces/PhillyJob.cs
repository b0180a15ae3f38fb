namespace Gts.Sim.Traces;

/// <summary>One Philly job: tenant (virtual cluster), submit time and run time in seconds, GPUs held.</summary>
public sealed record PhillyJob(int Id, string Vc, double Submit, double Duration, int Gpus);
