using Gts.Dispatch.Scheduling;

namespace Gts.Sim.Engine;

/// <summary>A scheduling policy as the simulator runs it: the scheduler's own policy, what it is told about run
/// times, and how often it re-plans besides arrivals and completions (0 = only on events).</summary>
public sealed record SimPolicy(string Name, SchedulingPolicy Scheduling, RemainingInfo Info, double IntervalSeconds = 0);
