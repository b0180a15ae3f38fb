using System.Globalization;
using Gts.Core.Errors;
using nietras.SeparatedValues;

namespace Gts.Planner.Validation;

/// <summary>Reads <c>runs.csv</c> (columns described in its README); a malformed number names the line and column.</summary>
public static class RunsCsv
{
    private static readonly string[] Required = ["id", "layers", "hidden", "heads", "hardware", "accelerators", "tflops_per_gpu"];

    /// <summary>All rows of the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<PublishedRun> Read(string path)
    {
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"runs file '{path}' does not exist",
                "pass the path of training-runs/runs.csv (default ../shared/data/training-runs/runs.csv, relative to the repository root)",
                new SourceLocation(path));
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var col in Required)
            if (!reader.Header.ColNames.Contains(col))
                throw new GtsException(ErrorKind.InvalidInput, $"column '{col}' is missing", "use the runs.csv layout described in its README",
                    new SourceLocation(path, 1, col));
        var runs = new List<PublishedRun>();
        foreach (var row in reader)
        {
            int line = row.LineNumberFrom;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in reader.Header.ColNames) cells[name] = row[name].ToString().Trim();
            string Text(string col) => cells.TryGetValue(col, out var v) ? v : "";
            int? Int(string col)
            {
                var t = Text(col);
                if (t.Length == 0) return null;
                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v == Math.Floor(v)
                    ? (int)v
                    : throw new GtsException(ErrorKind.InvalidInput, $"'{t}' is not an integer", $"write {col} as an integer or leave it empty",
                        new SourceLocation(path, line, col));
            }
            double? Num(string col)
            {
                var t = Text(col);
                if (t.Length == 0) return null;
                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                    ? v
                    : throw new GtsException(ErrorKind.InvalidInput, $"'{t}' is not a number", $"write {col} as a number or leave it empty",
                        new SourceLocation(path, line, col));
            }
            runs.Add(new PublishedRun
            {
                Id = Text("id"), Line = line, Model = Text("model"), ParamsB = Num("params_b"),
                Layers = Int("layers"), Hidden = Int("hidden"), Heads = Int("heads"), FfnHidden = Int("ffn_hidden"),
                SeqLen = Int("seq_len"), Vocab = Int("vocab"), Hardware = Text("hardware"),
                Accelerators = Int("accelerators"), GpusPerNode = Int("gpus_per_node"),
                Dp = Int("dp"), Tp = Int("tp"), Pp = Int("pp"), Cp = Int("cp"), Ep = Int("ep"),
                VirtualStages = Int("virtual_stages"), ZeroStage = Int("zero_stage"),
                SequenceParallel = Text("sequence_parallel"), ActivationRecompute = Text("activation_recompute"),
                MicroBatch = Int("micro_batch"), GlobalBatch = Int("global_batch"),
                TflopsPerGpu = Num("tflops_per_gpu"), MemoryGbPerGpu = Num("memory_gb_per_gpu"),
                Source = Text("source"), SourceLocator = Text("source_locator"),
            });
        }
        return runs;
    }
}
