namespace Gts.Planner.Hardware;

/// <summary>Named node types, each a DGX-style server of 8 GPUs; the node count is given as <c>name:nodes</c>.</summary>
public static class ClusterPresets
{
    private static LinkSpec Us(double gbPerSecond, double microseconds) => new(gbPerSecond * 1e9, microseconds * 1e-6);

    /// <summary>Every preset with one node.</summary>
    public static IReadOnlyList<ClusterSpec> All { get; } =
    [
        // DGX A100 (Selene): NVLink3 300 GB/s per direction per GPU; 8 × HDR 200 Gb/s = 25 GB/s per GPU.
        new("dgx-a100-80gb", GpuCatalog.Get("A100-80GB"), 1, 8, 20, Us(300, 5), Us(25, 10)),
        new("dgx-a100-40gb", GpuCatalog.Get("A100-40GB"), 1, 8, 20, Us(300, 5), Us(25, 10)),
        // DGX H100: NVLink4 450 GB/s per direction per GPU; 8 × NDR 400 Gb/s = 50 GB/s per GPU.
        new("dgx-h100", GpuCatalog.Get("H100-80GB"), 1, 8, 32, Us(450, 5), Us(50, 10)),
        // DGX-2 (V100 32 GB, NVSwitch 150 GB/s per direction); 8 × EDR 100 Gb/s for 16 GPUs ≈ 6.25 GB/s per GPU.
        new("dgx2-v100", GpuCatalog.Get("V100-32GB"), 1, 16, 16, Us(150, 5), Us(6.25, 10)),
        // DGX-1 V100: NVLink2 hybrid cube mesh (~150 GB/s per direction to peers), 4 × EDR per 8 GPUs.
        new("dgx1-v100", GpuCatalog.Get("V100-32GB"), 1, 8, 16, Us(150, 5), Us(6.25, 10)),
    ];

    /// <summary>The preset <c>name</c> or <c>name:nodes</c>, or null when the name is not a preset.</summary>
    public static ClusterSpec? Find(string nameWithNodes)
    {
        var parts = nameWithNodes.Split(':', 2);
        var preset = All.FirstOrDefault(c => string.Equals(c.Name, parts[0], StringComparison.OrdinalIgnoreCase));
        if (preset is null) return null;
        if (parts.Length == 1) return preset;
        return int.TryParse(parts[1], out int nodes) && nodes > 0
            ? preset.WithNodes(nodes) with { Name = nameWithNodes }
            : throw new Gts.Core.Errors.GtsException(Gts.Core.Errors.ErrorKind.Usage,
                $"node count '{parts[1]}' in '{nameWithNodes}' is not a positive integer", $"write {parts[0]}:<nodes>, e.g. {parts[0]}:384");
    }
}
