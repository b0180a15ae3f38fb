namespace Gts.Sim.Traces;

/// <summary>Reads philly/jobs.csv(.gz): job_id, vc, submit_time (s), duration (s), num_gpus.</summary>
public static class PhillyTraceReader
{
    public static IReadOnlyList<PhillyJob> Read(string path) =>
        TraceTable.Read(path, ["job_id", "vc", "submit_time", "duration", "num_gpus"], r =>
        {
            double duration = r.Number("duration");
            if (duration <= 0) throw r.Invalid("duration", $"duration {duration} is not positive", "give run times in seconds > 0");
            double submit = r.Number("submit_time");
            if (submit < 0) throw r.Invalid("submit_time", $"submit_time {submit} is negative", "give seconds from the start of the trace");
            return new PhillyJob(r.Int("job_id", 0), r.Text("vc"), submit, duration, r.Int("num_gpus", 1));
        });
}
