namespace Gts.Dispatch.Scheduling.Cluster;

/// <summary>An immutable picture of free capacity at one moment, stamped with the generation of the
/// <see cref="ClusterState"/> it came from so that decisions made on a stale picture can be discarded.</summary>
public sealed class ClusterSnapshot
{
    internal ClusterSnapshot(ClusterLayout layout, long generation, int[] freeCpu, long[] freeMemory, int[] gpuFreeMilli)
    {
        Layout = layout;
        Generation = generation;
        FreeCpu = freeCpu;
        FreeMemory = freeMemory;
        GpuFreeMilli = gpuFreeMilli;
    }

    public ClusterLayout Layout { get; }
    public long Generation { get; }
    internal int[] FreeCpu { get; }
    internal long[] FreeMemory { get; }
    internal int[] GpuFreeMilli { get; }

    /// <summary>Free milli-GPUs of a GPU by global index (1000 = wholly free).</summary>
    public int FreeMilli(int gpu) => GpuFreeMilli[gpu];

    /// <summary>Free CPU milli-cores of a node.</summary>
    public int FreeCpuOf(int node) => FreeCpu[node];

    /// <summary>Wholly free GPUs in the whole cluster.</summary>
    public int WholeFreeGpus()
    {
        int n = 0;
        foreach (int m in GpuFreeMilli) if (m == 1000) n++;
        return n;
    }
}
