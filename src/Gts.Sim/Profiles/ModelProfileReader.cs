using Gts.Core.Errors;
using Gts.Sim.Traces;

namespace Gts.Sim.Profiles;

/// <summary>Reads pollux-models/&lt;model&gt;/ (placements.csv, scalability.csv, validation-&lt;batch&gt;.csv; each may be gzipped).</summary>
public static class ModelProfileReader
{
    /// <summary>Training length per model in the Pollux simulator (epochs).</summary>
    public static IReadOnlyDictionary<string, int> MaxEpochs { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["bert"] = 2, ["cifar10"] = 100, ["deepspeech2"] = 80, ["imagenet"] = 90, ["ncf"] = 10, ["yolov3"] = 50,
    };

    public static ModelProfile Read(string modelsDir, string model)
    {
        string dir = Path.Combine(modelsDir, model);
        if (!Directory.Exists(dir))
            throw new GtsException(ErrorKind.NotFound, $"no profile folder for model '{model}'", "pass --pollux-models pointing at the pollux-models folder", new SourceLocation(dir));
        int epochs = MaxEpochs.TryGetValue(model, out int e) ? e
            : throw new GtsException(ErrorKind.InvalidInput, $"model '{model}' has no known training length", $"use one of {string.Join(", ", MaxEpochs.Keys)}", new SourceLocation(dir));
        var rows = new Dictionary<(int, int), List<(double, double, double)>>();
        void Add(int nodes, int replicas, double bsz, double step, double sync)
        {
            if (!rows.TryGetValue((nodes, replicas), out var list)) rows[(nodes, replicas)] = list = [];
            list.Add((bsz, step, sync));
        }
        foreach (var (placement, bsz, step, sync) in TraceTable.Read(Find(dir, "placements.csv"), ["placement", "local_bsz", "step_time", "sync_time"],
                     r => (r.Text("placement"), r.Number("local_bsz"), r.Number("step_time"), r.Number("sync_time"))))
            Add(placement.Length, placement.Sum(c => c - '0'), bsz, step, sync);
        foreach (var (nodes, replicas, bsz, step, sync) in TraceTable.Read(Find(dir, "scalability.csv"), ["num_nodes", "num_replicas", "local_bsz", "step_time", "sync_time"],
                     r => (r.Int("num_nodes", 1), r.Int("num_replicas", 1), r.Number("local_bsz"), r.Number("step_time"), r.Number("sync_time"))))
            Add(nodes, replicas, bsz, step, sync);
        var iterations = new Dictionary<int, double>();
        foreach (string file in Directory.GetFiles(dir, "validation-*.csv*"))
        {
            string name = Path.GetFileName(file);
            int batch = int.Parse(name["validation-".Length..name.IndexOf(".csv", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            var its = TraceTable.Read(file, ["iteration"], r => r.Number("iteration"));
            iterations[batch] = its[Math.Min(epochs, its.Count) - 1];
        }
        return new ModelProfile(model, epochs, rows, iterations);
    }

    private static string Find(string dir, string name)
    {
        string plain = Path.Combine(dir, name);
        return File.Exists(plain) ? plain : plain + ".gz";
    }
}
