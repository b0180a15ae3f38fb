using Gts.Core.Errors;

namespace Gts.Planner.Hardware;

/// <summary>The GPU types the planner knows, from the vendors' data sheets (dense fp16/bf16 tensor peak).</summary>
public static class GpuCatalog
{
    /// <summary>Every known GPU type.</summary>
    public static IReadOnlyList<GpuSpec> All { get; } =
    [
        // NVIDIA A100 data sheet: 312 TFLOP/s bf16 dense; HBM2e 2,039 GB/s (80 GB SXM), 1,555 GB/s (40 GB).
        new("A100-80GB", "A100", 312e12, 80e9, 2039e9),
        new("A100-40GB", "A100", 312e12, 40e9, 1555e9),
        // NVIDIA V100 data sheet: 125 TFLOP/s fp16 tensor (SXM2), 900 GB/s.
        new("V100-32GB", "V100", 125e12, 32e9, 900e9),
        new("V100-16GB", "V100", 125e12, 16e9, 900e9),
        // NVIDIA H100 SXM data sheet: 989 TFLOP/s bf16 dense, 3.35 TB/s.
        new("H100-80GB", "H100", 989e12, 80e9, 3350e9),
    ];

    /// <summary>The GPU of that name (case-insensitive); unknown names throw naming the field and the known types.</summary>
    public static GpuSpec Get(string name, string source = "cluster", string field = "gpu") =>
        All.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new GtsException(ErrorKind.InvalidInput, $"unknown GPU type '{name}'",
            "use one of " + string.Join(", ", All.Select(g => g.Name)), new SourceLocation(source, 0, field));
}
