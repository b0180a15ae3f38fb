using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Gts.Core.Compute;
using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>The "could it ever run" mode of Level 1 (after Slurm cons_tres's test modes): tries the request on the
/// empty cluster, once per request shape and layout.</summary>
public static class NeverFit
{
    private sealed class Cache(ClusterLayout layout)
    {
        public ReservationBoard Empty { get; } = new(new ClusterState(layout).Snapshot());
        public ConcurrentDictionary<(RequestShape, int), bool> Results { get; } = new();
    }

    private static readonly ConditionalWeakTable<ClusterLayout, Cache> Caches = [];

    /// <summary>True when <paramref name="request"/> with <paramref name="gpus"/> GPUs cannot be placed in pool
    /// <paramref name="pool"/> even with every node free.</summary>
    public static bool Holds(ClusterLayout layout, ResourceRequest request, int gpus, int pool)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cache = Caches.GetValue(layout, l => new Cache(l));
        return cache.Results.GetOrAdd((RequestShape.Of(request, gpus), pool), _ => GangPlacer.TryPlace(cache.Empty, request, gpus, pool) is null);
    }
}
