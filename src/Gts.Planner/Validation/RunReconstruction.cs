using System.Text.RegularExpressions;
using Gts.Planner.Hardware;
using Gts.Planner.Memory;
using Gts.Planner.Models;
using Gts.Planner.Parallel;
using Gts.Planner.Search;

namespace Gts.Planner.Validation;

/// <summary>Turns a runs.csv row into planner inputs, or says why it cannot. Rules for what a row leaves out:
/// DP = GPUs/(TP·PP); FFN = 4h; no sequence parallelism, one virtual stage; unstated ZeRO stage, recomputation and
/// micro-batch are the cheapest that fit in predicted memory: none before selective before full recomputation
/// (selective only for sources from 2023 on), then ZeRO 0 before ZeRO-1, then the largest micro-batch (1 with
/// pipelining). Attention is fused (FlashAttention) when the source is from 2023 or later. The cluster is
/// the DGX-style preset of the GPU type.</summary>
public static partial class RunReconstruction
{
    /// <summary>The reconstruction, or null with the reason in <paramref name="skipReason"/>.</summary>
    public static ReconstructedRun? TryBuild(PublishedRun r, out string skipReason)
    {
        skipReason = "";
        if (r.TflopsPerGpu is null) { skipReason = "no TFLOP/s per GPU reported"; return null; }
        if (r.Layers is null || r.Hidden is null || r.Heads is null || r.SeqLen is null || r.Vocab is null)
        { skipReason = "model shape incomplete (layers/hidden/heads/seq/vocab)"; return null; }
        if (r.Accelerators is null || r.GlobalBatch is null) { skipReason = "GPU count or global batch not stated"; return null; }
        if (r.Tp is null && r.Pp is null && r.Dp is null) { skipReason = "parallel layout not stated"; return null; }
        if (r.Cp is > 1 || r.Ep is > 1) { skipReason = "context/expert parallelism not modelled"; return null; }
        var preset = ClusterFor(r.Hardware);
        if (preset is null) { skipReason = $"hardware '{r.Hardware}' is not a GPU the planner knows"; return null; }

        int n = r.Accelerators.Value, t = r.Tp ?? 1, p = r.Pp ?? 1;
        int d = r.Dp ?? n / (t * p);
        if (d * t * p != n) { skipReason = $"DP {d} × TP {t} × PP {p} ≠ {n} GPUs"; return null; }
        int perNode = r.GpusPerNode ?? preset.GpusPerNode;
        var cluster = n >= perNode
            ? preset with { Nodes = (n + perNode - 1) / perNode, GpusPerNode = perNode }
            : preset with { Nodes = 1, GpusPerNode = n };
        if (cluster.TotalGpus != n) { skipReason = $"{n} GPUs do not fill nodes of {perNode}"; return null; }

        var model = new TransformerModel(r.Id, r.Layers.Value, r.Hidden.Value, r.Heads.Value, r.FfnHidden ?? 4 * r.Hidden.Value,
            r.Vocab.Value, r.SeqLen.Value);
        if (model.Hidden % model.Heads != 0 || model.Layers % p != 0) { skipReason = "dimensions do not divide"; return null; }
        int batch = r.GlobalBatch.Value;
        if (batch % d != 0) { skipReason = $"global batch {batch} not divisible by DP {d}"; return null; }
        var settings = new TrainingSettings(batch, FusedAttention: SourceYear(r) >= ModernYear);
        int v = r.VirtualStages ?? 1;
        var schedule = v > 1 ? PipelineSchedule.Interleaved : PipelineSchedule.OneFOneB;
        bool sp = string.Equals(r.SequenceParallel, "yes", StringComparison.OrdinalIgnoreCase);
        var filled = new List<string>();

        int year = SourceYear(r);
        int[] microBatches = r.MicroBatch is { } mb ? [mb]
            : p > 1 ? [1] : PlanSearch.Divisors(batch / d).Reverse().ToArray();
        // Selective recomputation arrived with Korthikanti et al. (May 2022); sources up to 2022 had none or full.
        Recompute[] recomputes = ParseRecompute(r.ActivationRecompute) is { } stated ? [stated]
            : year >= ModernYear ? [Recompute.None, Recompute.Selective, Recompute.Full] : [Recompute.None, Recompute.Full];
        int[] zeros = r.ZeroStage is { } z ? [z] : d > 1 ? [0, 1] : [0];
        double usable = MemoryModel.Usable(cluster.Gpu.MemoryBytes, settings);
        ParallelConfig? chosen = null;
        // Cheapest first: no recomputation before selective before full (recomputation costs up to a third of
        // the step), ZeRO-1 only when needed (it moves the same bytes as an all-reduce), the largest micro-batch.
        foreach (var rc in recomputes)
        {
            foreach (int zero in zeros)
            {
                foreach (int b in microBatches)
                {
                    if (batch / d % b != 0) continue;
                    var c = new ParallelConfig(d, t, p, v, b, zero, rc, sp, schedule);
                    if (MemoryModel.Estimate(model, c, settings).Total <= usable) { chosen = c; break; }
                }
                if (chosen is not null) break;
            }
            if (chosen is not null) break;
        }
        bool fits = chosen is not null;
        chosen ??= new ParallelConfig(d, t, p, v, microBatches.Min(), zeros[^1], recomputes[^1], sp, schedule);
        if (batch / d % chosen.Value.MicroBatch != 0) { skipReason = "micro-batch does not divide the replica's batch"; return null; }
        if (v > 1 && chosen.Value.MicroBatches(batch) % p != 0) { skipReason = "interleaving needs micro-batches a multiple of PP"; return null; }
        if (r.MicroBatch is null) filled.Add($"mb{chosen.Value.MicroBatch}");
        if (ParseRecompute(r.ActivationRecompute) is null) filled.Add(chosen.Value.Recompute.ToString().ToLowerInvariant() + "-rc");
        if (r.ZeroStage is null && d > 1) filled.Add($"ZeRO-{chosen.Value.ZeroStage}");
        return new ReconstructedRun(r, model, cluster, chosen.Value, settings, ConventionOf(r), string.Join(" ", filled), fits);
    }

    /// <summary>The cluster preset for a runs.csv hardware name (DGX A100 of 2020 had 40 GB GPUs, DGX-2 had V100 32 GB).</summary>
    public static ClusterSpec? ClusterFor(string hardware)
    {
        string h = hardware.ToUpperInvariant();
        string? preset = h switch
        {
            _ when h.StartsWith("A100-80GB", StringComparison.Ordinal) => "dgx-a100-80gb",
            _ when h.StartsWith("A100-40GB", StringComparison.Ordinal) || h.Contains("DGX-A100", StringComparison.Ordinal) => "dgx-a100-40gb",
            _ when h.StartsWith("H100", StringComparison.Ordinal) => "dgx-h100",
            _ when h.Contains("DGX-2", StringComparison.Ordinal) => "dgx2-v100",
            _ when h.StartsWith("V100", StringComparison.Ordinal) => "dgx1-v100",
            _ => null,
        };
        return preset is null ? null : ClusterPresets.Find(preset);
    }

    private static Recompute? ParseRecompute(string text) => text.ToLowerInvariant() switch
    {
        "none" => Recompute.None,
        "selective" => Recompute.Selective,
        "full" => Recompute.Full,
        _ => null,
    };

    private static FlopConvention ConventionOf(PublishedRun r)
    {
        string src = r.Source + " " + r.SourceLocator;
        if (src.Contains("bigscience", StringComparison.OrdinalIgnoreCase)) return FlopConvention.Bloom8N;
        if (src.Contains("llm-foundry", StringComparison.OrdinalIgnoreCase)) return FlopConvention.SixN;
        if (SourceYear(r) >= 2024) return FlopConvention.MegatronModel;
        return FlopConvention.MegatronEq3;
    }

    /// <summary>First source year whose software had selective recomputation and sequence parallelism
    /// (Korthikanti et al., May 2022) and fused attention (FlashAttention, 2022) as the default.</summary>
    public const int ModernYear = 2023;

    /// <summary>The latest year (2000–2029) named in the row's source or locator; 0 when none.</summary>
    public static int SourceYear(PublishedRun r) =>
        Year().Matches(r.Source + " " + r.SourceLocator).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\b20[0-2][0-9]\b")]
    private static partial Regex Year();
}
