using Gts.Core.Runs;

namespace Gts.Dispatch.Orchestration;

/// <summary>Level 3, pure: given a run and its steps (in plan order), the rows that change now. Cancellation
/// ends steps that have not been launched and marks launched ones for the executor to stop; a step whose
/// dependencies all succeeded becomes ready; one with a failed or cancelled dependency is cancelled; when
/// every step has ended, the run ends (failed if any step failed, else cancelled if any was, else succeeded).</summary>
public static class RunProgress
{
    public static (RunRecord? Run, IReadOnlyList<StepRecord> Steps) Advance(RunRecord run, IReadOnlyList<StepRecord> steps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var current = steps.ToDictionary(s => s.StepId, StringComparer.Ordinal);
        var changed = new Dictionary<string, StepRecord>(StringComparer.Ordinal);
        void Set(StepRecord s) { current[s.StepId] = s; changed[s.StepId] = s; }

        foreach (var s in steps)
        {
            if (s.State.IsTerminal() || !(run.CancelRequested || s.CancelRequested)) continue;
            if (s.State is StepState.Waiting or StepState.Ready)
                Set(s with { State = StepState.Cancelled, FinishedAt = now, Message = run.CancelRequested ? "run cancelled" : "cancelled" });
            else if (!s.CancelRequested)
                Set(s with { CancelRequested = true });
        }

        foreach (var s in steps)
        {
            var cur = current[s.StepId];
            if (cur.State != StepState.Waiting) continue;
            var deps = cur.DependsOn.Select(d => current[d]).ToList();
            var broken = deps.FirstOrDefault(d => d.State is StepState.Failed or StepState.Cancelled);
            if (broken is not null)
                Set(cur with { State = StepState.Cancelled, FinishedAt = now, Message = $"upstream step {broken.StepId} {broken.State.ToString().ToLowerInvariant()}" });
            else if (deps.All(d => d.State == StepState.Succeeded))
                Set(cur with { State = StepState.Ready });
        }

        RunRecord? runChange = null;
        var all = current.Values.ToList();
        if (all.All(s => s.State.IsTerminal()))
        {
            var failed = all.Count(s => s.State == StepState.Failed);
            var cancelled = all.Count(s => s.State == StepState.Cancelled);
            var state = failed > 0 ? RunState.Failed : cancelled > 0 || run.CancelRequested ? RunState.Cancelled : RunState.Succeeded;
            runChange = run with
            {
                State = state,
                FinishedAt = now,
                Message = $"{all.Count - failed - cancelled} succeeded, {failed} failed, {cancelled} cancelled",
            };
        }
        return (runChange, steps.Where(s => changed.ContainsKey(s.StepId)).Select(s => changed[s.StepId]).ToList());
    }
}
