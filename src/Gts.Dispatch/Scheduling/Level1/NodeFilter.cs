using Gts.Core.Compute;
using Gts.Dispatch.Scheduling.Cluster;

namespace Gts.Dispatch.Scheduling.Level1;

/// <summary>The hard filters of Level 1 for one request: GPU model, GPU memory, and the CPU and host memory
/// that go with k of the request's GPUs on a node.</summary>
internal readonly struct NodeFilter
{
    private readonly ClusterLayout _layout;
    private readonly bool[]? _allowedTypes;
    private readonly long _minGpuMemory;
    private readonly int _cpu;
    private readonly long _memory;
    private readonly int _gpus;

    public NodeFilter(ClusterLayout layout, ResourceRequest request, int gpus)
    {
        _layout = layout;
        _gpus = gpus;
        _cpu = request.CpuMilli;
        _memory = request.MemoryMib;
        _minGpuMemory = request.IsFractional
            ? 0
            : request.MinGpuMemoryMib;
        if (request.GpuTypes.Count > 0)
        {
            _allowedTypes = new bool[layout.GpuTypes.Count];
            for (int t = 0; t < layout.GpuTypes.Count; t++)
                _allowedTypes[t] = request.GpuTypes.Contains(layout.GpuTypes[t], StringComparer.OrdinalIgnoreCase);
        }
        MinShareMemory = request.IsFractional ? request.MinGpuMemoryMib : 0;
    }

    /// <summary>True when the request asks for no CPU and no host memory (only GPUs count).</summary>
    public bool NeedsNoHostResources => _cpu == 0 && _memory == 0;

    /// <summary>GPU memory a fractional share must amount to (MiB).</summary>
    public long MinShareMemory { get; }

    /// <summary>Static checks: the node has GPUs of an allowed model with enough memory.</summary>
    public bool Admits(int node)
    {
        if (_gpus == 0) return true;
        int type = _layout.NodeGpuType[node];
        if (type < 0) return false;
        if (_allowedTypes is not null && !_allowedTypes[type]) return false;
        return _layout.NodeGpuMemory[node] >= _minGpuMemory;
    }

    public int CpuFor(int k) => _gpus == 0 ? _cpu : (int)(((long)_cpu * k + _gpus - 1) / _gpus);

    public long MemoryFor(int k) => _gpus == 0 ? _memory : (_memory * k + _gpus - 1) / _gpus;

    /// <summary>Most GPUs (a multiple of <paramref name="unit"/>, at most <paramref name="cap"/>) the node can give now.</summary>
    public int Capacity(ReservationBoard board, int node, int unit, int cap)
    {
        int k = Math.Min(board.NodeWhole[node], cap) / unit * unit;
        while (k > 0 && (board.FreeCpu[node] < CpuFor(k) || board.FreeMemory[node] < MemoryFor(k))) k -= unit;
        return k;
    }
}
