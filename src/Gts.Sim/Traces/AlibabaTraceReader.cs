namespace Gts.Sim.Traces;

/// <summary>Reads the Alibaba cluster-trace-gpu-v2023 node and pod lists (FGD, ATC'23).</summary>
public static class AlibabaTraceReader
{
    public static IReadOnlyList<AlibabaNode> ReadNodes(string path) =>
        TraceTable.Read(path, ["sn", "cpu_milli", "memory_mib", "gpu", "model"], r =>
            new AlibabaNode(r.Text("sn"), r.Int("cpu_milli", 0), r.Int("memory_mib", 0), r.Int("gpu", 0), r.Text("model")));

    public static IReadOnlyList<AlibabaPod> ReadPods(string path) =>
        TraceTable.Read(path, ["name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli"], r =>
        {
            int gpus = r.Int("num_gpu", 0), milli = r.Int("gpu_milli", 0);
            if (gpus > 0 && milli is < 1 or > 1000) throw r.Invalid("gpu_milli", $"gpu_milli {milli} is outside 1..1000", "give the share of each GPU in milli-GPUs");
            if (gpus > 1 && milli < 1000) throw r.Invalid("gpu_milli", $"a share of {milli} milli on {gpus} GPUs", "shares below 1000 are for one GPU only");
            string spec = r.Has("gpu_spec") ? r.Text("gpu_spec") : "";
            return new AlibabaPod(r.Text("name"), r.Int("cpu_milli", 0), r.Int("memory_mib", 0), gpus, gpus == 0 ? 0 : milli,
                spec.Length == 0 ? [] : spec.Split('|'));
        });
}
