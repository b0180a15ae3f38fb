namespace Gts.Dispatch.Scheduling;

/// <summary>Decision: step <paramref name="StepId"/> stays pending this cycle; <paramref name="Status"/> says whether it ever can run.</summary>
public sealed record StepRejection(string StepId, ScheduleStatus Status, string Reason);
