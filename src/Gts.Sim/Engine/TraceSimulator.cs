using System.Diagnostics;
using Gts.Dispatch.Scheduling;
using Gts.Dispatch.Scheduling.Cluster;
using Gts.Dispatch.Scheduling.Level2;
using Gts.Sim.Metrics;

namespace Gts.Sim.Engine;

/// <summary>Replays jobs on virtual time through the real scheduler: at every arrival, completion and (optionally)
/// periodic tick it takes a cluster snapshot and a queue snapshot from a <see cref="VirtualClock"/>, runs
/// <see cref="SchedulingCycle.Run"/>, commits the decisions to a <see cref="ClusterState"/>, and advances jobs at
/// the speed their placement gives them. A (re)started or resized job pays a restart delay.</summary>
public sealed class TraceSimulator(ClusterLayout layout, double startDelaySeconds = 0, double restartDelaySeconds = 30)
{
    private static readonly QueueSpec[] Queues = [new("default")];

    public SimResult Run(IReadOnlyList<SimJob> trace, SimPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(policy);
        var watch = Stopwatch.StartNew();
        var jobs = trace.OrderBy(j => j.Submit).ToList();
        var byId = jobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var clock = new VirtualClock(new DateTimeOffset(2017, 9, 4, 0, 0, 0, TimeSpan.Zero));
        var state = new ClusterState(layout);
        var estimator = new DurationEstimator();
        var pending = new List<SimJob>();
        var running = new List<SimJob>();
        var outcomes = new List<JobOutcome>(jobs.Count);
        foreach (var j in jobs)
        {
            j.Work = j.TotalWork;
            j.Allocation = null;
            j.FirstStart = j.Finish = -1;
            j.AttainedGpuSeconds = j.RunSeconds = 0;
            j.Restarts = 0;
        }
        double t = jobs.Count > 0 ? jobs[0].Submit : 0, busyGpuSeconds = 0, idleWaiting = 0;
        int next = 0, cycles = 0;
        bool due = true;
        while (outcomes.Count < jobs.Count)
        {
            while (next < jobs.Count && jobs[next].Submit <= t)
            {
                var j = jobs[next++];
                Enqueue(j, policy, estimator, clock.Start);
                pending.Add(j);
                due = true;
            }
            if (due && (pending.Count > 0 || (policy.Scheduling.Elastic && running.Count > 0)))
            {
                clock.MoveTo(t);
                Cycle(t, clock, state, policy, pending, running, byId, estimator);
                cycles++;
            }
            due = false;

            double tNext = next < jobs.Count ? jobs[next].Submit : double.PositiveInfinity;
            foreach (var j in running)
                tNext = Math.Min(tNext, Math.Max(t, j.PausedUntil) + j.Work / j.CurrentRate);
            bool tick = policy.IntervalSeconds > 0 && (pending.Count > 0 || (policy.Scheduling.Elastic && running.Count > 0));
            if (tick && t + policy.IntervalSeconds < tNext) tNext = t + policy.IntervalSeconds;
            if (double.IsPositiveInfinity(tNext))
                throw new InvalidOperationException($"{pending.Count} job(s) can never run under '{policy.Name}' (first: {pending[0].Id}, {pending[0].Request.Gpus} GPUs)");
            double dt = tNext - t;
            int free = 0;
            if (pending.Count > 0) free = FreeGpus(state);
            idleWaiting += free * dt;
            for (int i = running.Count - 1; i >= 0; i--)
            {
                var j = running[i];
                double effective = Math.Max(0, tNext - Math.Max(t, j.PausedUntil));
                j.Work -= j.CurrentRate * effective;
                int gpus = j.Allocation!.GpuCount;
                j.AttainedGpuSeconds += gpus * dt;
                j.RunSeconds += dt;
                busyGpuSeconds += j.Allocation.GpuEquivalents * dt;
                if (j.Work <= j.TotalWork * 1e-9 + 1e-9)
                {
                    j.Finish = tNext;
                    state.Remove(j.Id);
                    running.RemoveAt(i);
                    estimator.Record(j.EstimateKey, j.RunSeconds);
                    outcomes.Add(new JobOutcome(j.Id, j.Tenant, j.Submit, j.Finish - j.Submit, j.FirstStart - j.Submit, j.IsolatedSeconds, j.Restarts));
                    due = true;
                }
            }
            if (tick) due = true;
            t = tNext;
        }
        double makespan = outcomes.Count == 0 ? 0 : jobs.Max(j => j.Finish) - jobs[0].Submit;
        double capacity = layout.GpuCount * Math.Max(makespan, 1e-9);
        return new SimResult(policy.Name, outcomes, makespan, busyGpuSeconds / capacity, idleWaiting / capacity, cycles, watch.Elapsed.TotalSeconds);
    }

    private void Cycle(double t, VirtualClock clock, ClusterState state, SimPolicy policy, List<SimJob> pending, List<SimJob> running,
        Dictionary<string, SimJob> byId, DurationEstimator estimator)
    {
        var pendingViews = new PendingStep[pending.Count];
        for (int i = 0; i < pending.Count; i++) pendingViews[i] = pending[i].PendingView!;
        var runningViews = new RunningStep[running.Count];
        for (int i = 0; i < running.Count; i++) runningViews[i] = RunningView(running[i], policy, clock.Start, t);
        var queues = QueueSnapshot.Take(clock, Queues, pendingViews, runningViews);
        var decisions = SchedulingCycle.Run(state.Snapshot(), queues, policy.Scheduling);
        if (!state.TryCommit(decisions)) throw new InvalidOperationException("the simulator's state moved during a cycle");

        foreach (var p in decisions.Preemptions)
        {
            var j = byId[p.StepId];
            running.Remove(j);
            j.Allocation = null;
            j.Restarts++;
            Enqueue(j, policy, estimator, clock.Start);
            pending.Add(j);
        }
        foreach (var r in decisions.Resizes)
        {
            var j = byId[r.StepId];
            Place(j, r.Allocation, t + restartDelaySeconds);
            j.Restarts++;
        }
        if (decisions.Placements.Count == 0) return;
        var started = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in decisions.Placements)
        {
            var j = byId[p.StepId];
            bool first = j.FirstStart < 0;
            if (first) j.FirstStart = t;
            Place(j, p.Allocation, t + (first ? startDelaySeconds : restartDelaySeconds));
            running.Add(j);
            started.Add(j.Id);
        }
        pending.RemoveAll(j => started.Contains(j.Id));
    }

    private void Place(SimJob j, Allocation allocation, double pausedUntil)
    {
        j.Allocation = allocation;
        j.PausedUntil = pausedUntil;
        j.CurrentRate = j.Rate(allocation.GpuCount, allocation.NodeCount);
        if (!(j.CurrentRate > 0)) throw new InvalidOperationException($"job {j.Id} makes no progress on {allocation.GpuCount} GPU(s)");
    }

    private void Enqueue(SimJob j, SimPolicy policy, DurationEstimator estimator, DateTimeOffset start)
    {
        if (policy.Info == RemainingInfo.Estimate) j.EstimatedTotal = estimator.Estimate(j.EstimateKey);
        j.PendingView = new PendingStep(j.Id, "default", j.Tenant, j.Request, start.AddSeconds(j.Submit))
        {
            Remaining = Remaining(j, policy.Info, Math.Max(1, j.Request.Gpus), PackedNodes(j.Request.Gpus)),
            AttainedGpuSeconds = j.AttainedGpuSeconds,
            Throughput = j.Throughput,
        };
    }

    private static RunningStep RunningView(SimJob j, SimPolicy policy, DateTimeOffset start, double t) =>
        new(j.Id, "default", j.Tenant, j.Request, j.Allocation!, start.AddSeconds(j.Submit))
        {
            Remaining = Remaining(j, policy.Info, j.Allocation!.GpuCount, j.Allocation.NodeCount, Math.Max(0, j.PausedUntil - t)),
            AttainedGpuSeconds = j.AttainedGpuSeconds,
            Throughput = j.Throughput,
        };

    private static TimeSpan? Remaining(SimJob j, RemainingInfo info, int gpus, int nodes, double paused = 0) => info switch
    {
        RemainingInfo.Oracle => TimeSpan.FromSeconds(paused + j.Work / j.Rate(gpus, nodes)),
        RemainingInfo.Estimate => TimeSpan.FromSeconds(Math.Max(60, (j.EstimatedTotal ?? 3600) - j.RunSeconds)),
        _ => null,
    };

    private int PackedNodes(int gpus) => Math.Max(1, (gpus + layout.MaxGpusPerNode - 1) / Math.Max(1, layout.MaxGpusPerNode));

    private static int FreeGpus(ClusterState state) => state.Snapshot().WholeFreeGpus();
}
