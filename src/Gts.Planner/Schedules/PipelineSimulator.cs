using Gts.Planner.Parallel;

namespace Gts.Planner.Schedules;

/// <summary>Event simulation of one pipeline iteration. Each stage runs its passes in the order its schedule
/// prescribes; a pass starts when the stage is free and its input has arrived (the forward of the previous
/// model chunk, or the backward of the next one). Orders: GPipe (Huang et al. 2019) all forwards then all
/// backwards; 1F1B (Narayanan et al. 2021, PipeDream-Flush) p−s−1 warm-up forwards then alternation;
/// interleaved 1F1B over v chunks per stage, chunk k on stage s being virtual stage k·p + s (Megatron-LM).</summary>
public static class PipelineSimulator
{
    /// <summary>Simulates <paramref name="microBatches"/> micro-batches on <paramref name="stages"/> stages; a whole
    /// stage's forward takes <paramref name="forward"/>, its backward <paramref name="backward"/>; a chunk takes 1/v of that.</summary>
    public static ScheduleResult Run(PipelineSchedule schedule, int stages, int microBatches, int virtualStages,
        double forward, double backward, double sendLatency = 0)
    {
        int p = stages, m = microBatches, v = schedule == PipelineSchedule.Interleaved ? virtualStages : 1;
        if (p < 1 || m < 1 || v < 1) throw new ArgumentOutOfRangeException(nameof(stages), $"p={p}, m={m}, v={v} must be ≥ 1");
        if (schedule == PipelineSchedule.Interleaved && m % p != 0)
            throw new ArgumentException($"interleaved 1F1B needs micro-batches ({m}) to be a multiple of stages ({p})", nameof(microBatches));

        var orders = new List<(int Mb, int Chunk, bool Bwd)>[p];
        for (int s = 0; s < p; s++) orders[s] = Order(schedule, s, p, m, v);

        int virtualCount = p * v;
        var fwdEnd = new double[virtualCount, m];
        var bwdEnd = new double[virtualCount, m];
        var done = new bool[virtualCount, m, 2];
        var next = new int[p];
        var free = new double[p];
        var ops = new List<ScheduleOp>(2 * m * virtualCount);
        double tf = forward / v, tb = backward / v;
        int remaining = 2 * m * virtualCount;

        while (remaining > 0)
        {
            bool progressed = false;
            for (int s = 0; s < p; s++)
            {
                while (next[s] < orders[s].Count)
                {
                    var (mb, chunk, bwd) = orders[s][next[s]];
                    int k = chunk * p + s;
                    double ready;
                    if (!bwd)
                    {
                        if (k > 0 && !done[k - 1, mb, 0]) break;
                        ready = k > 0 ? fwdEnd[k - 1, mb] + sendLatency : 0;
                    }
                    else if (k < virtualCount - 1)
                    {
                        if (!done[k + 1, mb, 1]) break;
                        ready = bwdEnd[k + 1, mb] + sendLatency;
                    }
                    else
                    {
                        if (!done[k, mb, 0]) break;
                        ready = fwdEnd[k, mb];
                    }
                    double start = Math.Max(free[s], ready), end = start + (bwd ? tb : tf);
                    free[s] = end;
                    if (bwd) bwdEnd[k, mb] = end; else fwdEnd[k, mb] = end;
                    done[k, mb, bwd ? 1 : 0] = true;
                    ops.Add(new ScheduleOp(s, mb, chunk, bwd, start, end));
                    next[s]++;
                    remaining--;
                    progressed = true;
                }
            }
            if (!progressed) throw new InvalidOperationException($"schedule {schedule} deadlocked with p={p}, m={m}, v={v}");
        }

        var peaks = new double[p];
        for (int s = 0; s < p; s++)
        {
            double live = 0;
            foreach (var (_, _, bwd) in orders[s])
            {
                live += bwd ? -1.0 / v : 1.0 / v;
                peaks[s] = Math.Max(peaks[s], live);
            }
        }
        double makespan = ops.Max(o => o.End);
        return new ScheduleResult(schedule, p, m, v, ops, makespan, m * (forward + backward), peaks);
    }

    private static List<(int, int, bool)> Order(PipelineSchedule schedule, int s, int p, int m, int v)
    {
        var order = new List<(int, int, bool)>(2 * m * v);
        switch (schedule)
        {
            case PipelineSchedule.GPipe:
                for (int i = 0; i < m; i++) order.Add((i, 0, false));
                for (int i = 0; i < m; i++) order.Add((i, 0, true));
                break;
            case PipelineSchedule.OneFOneB:
            {
                int warmup = Math.Min(p - s - 1, m), f = 0, b = 0;
                for (; f < warmup; f++) order.Add((f, 0, false));
                while (f < m) { order.Add((f++, 0, false)); order.Add((b++, 0, true)); }
                while (b < m) order.Add((b++, 0, true));
                break;
            }
            case PipelineSchedule.Interleaved:
            {
                int total = m * v;
                int warmup = Math.Min((p - s - 1) * 2 + (v - 1) * p, total), f = 0, b = 0;
                (int, int, bool) Forward(int k) => ((k / (p * v)) * p + k % p, (k / p) % v, false);
                (int, int, bool) Backward(int k) => ((k / (p * v)) * p + k % p, v - 1 - (k / p) % v, true);
                for (; f < warmup; f++) order.Add(Forward(f));
                while (f < total) { order.Add(Forward(f++)); order.Add(Backward(b++)); }
                while (b < total) order.Add(Backward(b++));
                break;
            }
        }
        return order;
    }
}
