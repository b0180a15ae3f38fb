using Gts.Core.Errors;

namespace Gts.Core.Compute;

/// <summary>What one step needs, all or nothing. <see cref="Gpus"/> whole GPUs laid out as <see cref="Gang"/>;
/// or, with <see cref="Gpus"/> = 1 and <see cref="GpuMilli"/> &lt; 1000, a share of one GPU (that fraction of its
/// memory, GPU sharing); or a GPU count anywhere in <see cref="Elastic"/>. CPU and host memory are totals,
/// spread over the nodes in proportion to their GPUs.</summary>
public sealed record ResourceRequest
{
    /// <summary>Whole GPUs (or 1 for a fractional share); for an elastic step the count it starts with.</summary>
    public int Gpus { get; init; }

    /// <summary>Per-GPU share in milli-GPUs, 1..1000; below 1000 only with <see cref="Gpus"/> = 1.</summary>
    public int GpuMilli { get; init; } = 1000;

    /// <summary>CPU milli-cores for the whole step.</summary>
    public int CpuMilli { get; init; }

    /// <summary>Host memory for the whole step in MiB.</summary>
    public long MemoryMib { get; init; }

    /// <summary>Memory each GPU must have at least (MiB); 0 for any.</summary>
    public long MinGpuMemoryMib { get; init; }

    /// <summary>Allowed GPU models; empty for any model.</summary>
    public IReadOnlyList<string> GpuTypes { get; init; } = [];

    /// <summary>Layout of the gang across nodes and switches.</summary>
    public GangShape Gang { get; init; } = GangShape.Any;

    /// <summary>GPU range for an elastic step; null for a fixed count.</summary>
    public ElasticRange? Elastic { get; init; }

    /// <summary>True for a share of one GPU rather than whole GPUs.</summary>
    public bool IsFractional => Gpus == 1 && GpuMilli < 1000;

    /// <summary>A request for whole GPUs.</summary>
    public static ResourceRequest WholeGpus(int gpus, int cpuMilli = 0, long memoryMib = 0) =>
        new() { Gpus = gpus, CpuMilli = cpuMilli, MemoryMib = memoryMib };

    /// <summary>A request for a share of one GPU, in milli-GPUs (500 = half of its memory).</summary>
    public static ResourceRequest GpuShare(int milli, int cpuMilli = 0, long memoryMib = 0) =>
        new() { Gpus = 1, GpuMilli = milli, CpuMilli = cpuMilli, MemoryMib = memoryMib };

    /// <summary>Throws a <see cref="GtsException"/> (invalid input) naming the field that breaks a rule.</summary>
    public void Validate(string source = "request")
    {
        if (Gpus < 0) throw Invalid(source, "gpus", $"gpus is {Gpus}", "ask for 0 or more GPUs");
        if (GpuMilli is < 1 or > 1000) throw Invalid(source, "gpu_milli", $"gpu_milli is {GpuMilli}", "use 1..1000 milli-GPUs (1000 = a whole GPU)");
        if (GpuMilli < 1000 && Gpus != 1)
            throw Invalid(source, "gpu_milli", $"a fractional share ({GpuMilli} milli) was asked for {Gpus} GPUs", "ask for gpus = 1 with a share, or whole GPUs");
        if (CpuMilli < 0 || MemoryMib < 0 || MinGpuMemoryMib < 0)
            throw Invalid(source, "cpu/memory", "a CPU or memory size is negative", "use sizes ≥ 0");
        if (Gang.TensorParallel < 1 || Gang.PipelineStages < 1)
            throw Invalid(source, "gang", $"tensor parallel {Gang.TensorParallel} and pipeline stages {Gang.PipelineStages} must be ≥ 1", "use 1 for no split");
        if (Gpus > 0 && Gpus % (Gang.TensorParallel * Gang.PipelineStages) != 0)
            throw Invalid(source, "gang", $"{Gpus} GPUs are not a multiple of tensor parallel {Gang.TensorParallel} × pipeline stages {Gang.PipelineStages}", "ask for a multiple of TP × PP GPUs");
        if (Gang.Nodes is { } n && (n < 1 || Gpus % n != 0))
            throw Invalid(source, "nodes", $"{Gpus} GPUs cannot be spread evenly over {n} nodes", "ask for a node count that divides the GPU count");
        if (Elastic is { } e && (e.MinGpus < 1 || e.MaxGpus < e.MinGpus || Gpus < e.MinGpus || Gpus > e.MaxGpus))
            throw Invalid(source, "elastic", $"elastic range {e.MinGpus}..{e.MaxGpus} with start {Gpus} is not 1 ≤ min ≤ start ≤ max", "give 1 ≤ min ≤ gpus ≤ max");
    }

    private static GtsException Invalid(string source, string field, string message, string fix) =>
        new(ErrorKind.InvalidInput, message, fix, new SourceLocation(source, 0, field));
}
