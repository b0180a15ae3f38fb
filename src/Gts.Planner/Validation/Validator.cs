using Gts.Planner.Search;
using Gts.Planner.Timing;

namespace Gts.Planner.Validation;

/// <summary>Scores the planner against published runs. The split is fixed by id: all rows of the file sorted
/// ordinally by id, even positions calibrate, odd positions are held out; the efficiency parameters are fitted on
/// the usable calibration rows only and every error reported as held-out comes from the other half.</summary>
public static class Validator
{
    /// <summary>True when the row with this id, among <paramref name="allIds"/>, belongs to the calibration half.</summary>
    public static bool IsCalibration(string id, IReadOnlyList<string> allIds)
    {
        var sorted = allIds.OrderBy(x => x, StringComparer.Ordinal).ToList();
        return sorted.IndexOf(id) % 2 == 0;
    }

    /// <summary>Calibrates, predicts every usable row and compares top configurations for the held-out rows and
    /// for the Megatron Table 1 rows (ids containing "-t1-").</summary>
    public static ValidationReport Run(IReadOnlyList<PublishedRun> rows, EfficiencyParameters? start = null)
    {
        var sortedIds = rows.Select(r => r.Id).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var calibrationIds = sortedIds.Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        var usable = new List<ReconstructedRun>();
        var skipped = new List<(string, string)>();
        foreach (var row in rows)
        {
            var built = RunReconstruction.TryBuild(row, out string reason);
            if (built is null) skipped.Add((row.Id, reason)); else usable.Add(built);
        }
        var calibration = usable.Where(u => calibrationIds.Contains(u.Run.Id)).ToList();
        var eff = Calibrator.Fit(calibration, start ?? EfficiencyParameters.Default);
        var predictions = usable.Select(u => RowPrediction.Predict(u, calibrationIds.Contains(u.Run.Id), eff)).ToList();
        var compared = usable.Where(u => !calibrationIds.Contains(u.Run.Id) || u.Run.Id.Contains("-t1-", StringComparison.Ordinal));
        var comparisons = compared.Select(u => Compare(u, eff)).ToList();
        return new ValidationReport(eff, predictions, skipped, comparisons);
    }

    /// <summary>The planner's top configuration for a run's model, GPUs and batch against the published one
    /// (searching only features the source's year had).</summary>
    public static TopConfigComparison Compare(ReconstructedRun run, EfficiencyParameters eff)
    {
        // Search what the source's software could do. Before 2023: no selective recomputation or sequence
        // parallelism, no CPU offload, and no ZeRO stage beyond the one the run used (Megatron-LM of 2021 had
        // no distributed optimizer).
        bool modern = RunReconstruction.SourceYear(run.Run) >= RunReconstruction.ModernYear;
        var limits = new SearchLimits
        {
            AllowSelectiveRecompute = modern, AllowSequenceParallel = modern, AllowOffload = modern,
            MaxZeroStage = modern ? 3 : run.Config.ZeroStage,
        };
        var result = PlanSearch.Rank(run.Model, run.Cluster, run.Settings, eff, top: 1, limits);
        var top = result.Top[0];
        var time = TimeModel.Estimate(run.Model, run.Cluster, run.Config, run.Settings, eff);
        var mem = Memory.MemoryModel.Estimate(run.Model, run.Config, run.Settings);
        double tflops = ModelFlops.Model(run.Model, run.Settings.GlobalBatch) / time.Total / run.Cluster.TotalGpus / 1e12;
        var published = new RankedPlan(run.Config, mem, time, run.Settings.GlobalBatch / time.Total, tflops, tflops * 1e12 / run.Cluster.Gpu.PeakFlops);
        var a = top.Config;
        var b = run.Config;
        bool same = a.Dp == b.Dp && a.Tp == b.Tp && a.Pp == b.Pp && a.MicroBatch == b.MicroBatch;
        return new TopConfigComparison(run, published, top, same, PlanComparison.Explain(top, published), result.Enumerated, result.Fitting);
    }
}
