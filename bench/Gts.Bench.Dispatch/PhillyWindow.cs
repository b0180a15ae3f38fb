using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;

namespace Gts.Bench.Dispatch;

/// <summary>Reads a window of the Philly job table (job_id, vc, submit_time, duration, num_gpus) and compresses
/// it: submit offsets and durations divided by Compress, durations capped at CapS, jobs wider than MaxGpus left out.</summary>
internal static class PhillyWindow
{
    public static List<TraceJob> Read(string path, int firstJob, int count, double compress, double capS, int maxGpus)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = Sep.Reader(o => o with { Sep = new Sep(',') }).From(gz);
        var jobs = new List<TraceJob>();
        double? t0 = null;
        foreach (var row in reader)
        {
            var id = row["job_id"].Parse<int>();
            var gpus = row["num_gpus"].Parse<int>();
            if (id < firstJob || gpus > maxGpus) continue;
            var submit = row["submit_time"].Parse<double>();
            t0 ??= submit;
            var duration = Math.Min(row["duration"].Parse<double>() / compress, capS);
            duration = Math.Max(1, Math.Round(duration, 1));
            // Slurm kills at the limit (OverTimeLimit=0), so the limit leaves 10 s for the job's start-up.
            jobs.Add(new TraceJob(id, (submit - t0.Value) / compress, duration, gpus, (int)Math.Ceiling((duration + 10) / 60.0)));
            if (jobs.Count == count) break;
        }
        return jobs;
    }

    public static string Describe(List<TraceJob> jobs) => string.Create(CultureInfo.InvariantCulture,
        $"{jobs.Count} jobs (ids {jobs[0].Id}..{jobs[^1].Id}), arrivals over {jobs[^1].SubmitS:F0} s, sleep median {Median(jobs.Select(j => j.DurationS)):F1} s, " +
        $"{jobs.Sum(j => j.DurationS * j.Gpus):F0} GPU-s, {jobs.Count(j => j.Gpus > 1)} multi-GPU jobs");

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
