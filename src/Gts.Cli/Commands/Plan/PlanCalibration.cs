using Gts.Planner.Timing;
using Gts.Planner.Validation;

namespace Gts.Cli.Commands.Plan;

/// <summary>The efficiency parameters `gts plan` uses: fitted on the calibration half of runs.csv when the file
/// exists (the same fit `gts plan validate` reports), else the uncalibrated defaults.</summary>
internal static class PlanCalibration
{
    public const string DefaultRunsPath = "../shared/data/training-runs/runs.csv";

    public static (EfficiencyParameters Parameters, string Description) Load(string runsPath)
    {
        if (!File.Exists(runsPath))
            return (EfficiencyParameters.Default, $"uncalibrated defaults ({runsPath} not found)");
        var rows = RunsCsv.Read(runsPath);
        var ids = rows.Select(r => r.Id).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var calibration = rows.Where(r => ids.IndexOf(r.Id) % 2 == 0)
            .Select(r => RunReconstruction.TryBuild(r, out _)).OfType<ReconstructedRun>().ToList();
        return (Calibrator.Fit(calibration, EfficiencyParameters.Default), $"calibrated on {calibration.Count} published runs of {runsPath}");
    }
}
