using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Arranges pending steps for one cycle: higher queue priority first; inside one priority, with fair
/// share on, progressive dominant-resource fairness (Ghodsi et al., NSDI'11): repeatedly the queue with the
/// lowest weighted dominant share, then its tenant with the lowest share, gives its best step by the order,
/// whose request is then counted as if placed.</summary>
public static class FairShareOrdering
{
    public static List<PendingStep> Arrange(QueueSnapshot queues, IStepOrder order, bool fairShare, ClusterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(layout);
        var spec = queues.Queues.ToDictionary(q => q.Name, StringComparer.Ordinal);
        int PriorityOf(string q) => spec.TryGetValue(q, out var s) ? s.Priority : 0;
        var keyed = queues.Pending.Select(p => (Step: p, Key: order.KeyOf(p, queues.Now), Prio: PriorityOf(p.Queue))).ToList();
        keyed.Sort((a, b) =>
        {
            int c = b.Prio.CompareTo(a.Prio);
            if (c != 0) return c;
            c = a.Key.CompareTo(b.Key);
            return c != 0 ? c : string.CompareOrdinal(a.Step.Id, b.Step.Id);
        });
        if (!fairShare) return keyed.ConvertAll(k => k.Step);

        var totals = Totals(layout);
        var tenantUse = new Dictionary<(string, string), double[]>();
        var queueUse = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var r in queues.Running) Add(tenantUse, queueUse, r.Queue, r.Tenant, r.Allocation.GpuEquivalents, r.Request.CpuMilli, r.Request.MemoryMib);

        var result = new List<PendingStep>(keyed.Count);
        foreach (var level in keyed.GroupBy(k => k.Prio))
        {
            // Per queue, per tenant: a FIFO of that tenant's steps in order.
            var lanes = level.GroupBy(k => k.Step.Queue, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => g.GroupBy(k => k.Step.Tenant, StringComparer.Ordinal).ToDictionary(t => t.Key, t => new Queue<PendingStep>(t.Select(x => x.Step)), StringComparer.Ordinal),
                StringComparer.Ordinal);
            int left = level.Count();
            while (left-- > 0)
            {
                string q = lanes.Keys.MinBy(q => Dominant(queueUse, q, totals) / (spec.TryGetValue(q, out var s) ? Math.Max(s.Weight, 1e-9) : 1))!;
                var tenants = lanes[q];
                string t = tenants.Keys.MinBy(t => Dominant(tenantUse, (q, t), totals))!;
                var step = tenants[t].Dequeue();
                if (tenants[t].Count == 0) tenants.Remove(t);
                if (tenants.Count == 0) lanes.Remove(q);
                result.Add(step);
                double gpus = Math.Max(0, step.Request.Gpus) * step.Request.GpuMilli / 1000.0;
                Add(tenantUse, queueUse, q, t, gpus, step.Request.CpuMilli, step.Request.MemoryMib);
            }
        }
        return result;
    }

    /// <summary>Capacity per resource: GPUs, CPU milli-cores, memory MiB.</summary>
    public static double[] Totals(ClusterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        double cpu = 0, mem = 0;
        for (int n = 0; n < layout.NodeCount; n++) { cpu += layout.NodeCpu[n]; mem += layout.NodeMemory[n]; }
        return [Math.Max(1, layout.GpuCount), Math.Max(1, cpu), Math.Max(1, mem)];
    }

    /// <summary>The largest share of any resource that <paramref name="use"/> takes of <paramref name="totals"/>.</summary>
    public static double DominantShare(ReadOnlySpan<double> use, ReadOnlySpan<double> totals)
    {
        double d = 0;
        for (int i = 0; i < use.Length; i++) d = Math.Max(d, use[i] / totals[i]);
        return d;
    }

    private static double Dominant<TKey>(Dictionary<TKey, double[]> use, TKey key, double[] totals) where TKey : notnull =>
        use.TryGetValue(key, out var u) ? DominantShare(u, totals) : 0;

    private static void Add(Dictionary<(string, string), double[]> tenantUse, Dictionary<string, double[]> queueUse, string q, string t, double gpus, double cpu, double mem)
    {
        foreach (var u in new[] { Get(tenantUse, (q, t)), Get(queueUse, q) })
        {
            u[0] += gpus; u[1] += cpu; u[2] += mem;
        }
    }

    private static double[] Get<TKey>(Dictionary<TKey, double[]> d, TKey key) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var u)) d[key] = u = new double[3];
        return u;
    }
}
