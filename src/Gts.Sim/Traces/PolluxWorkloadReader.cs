namespace Gts.Sim.Traces;

/// <summary>Reads a Pollux workload file: name, time, application, num_replicas, batch_size.</summary>
public static class PolluxWorkloadReader
{
    public static IReadOnlyList<PolluxJob> Read(string path) =>
        TraceTable.Read(path, ["name", "time", "application", "num_replicas", "batch_size"], r =>
        {
            string app = r.Text("application");
            if (app.Length == 0) throw r.Invalid("application", "the application is empty", "name a model from pollux-models (e.g. cifar10)");
            return new PolluxJob(r.Text("name"), r.Number("time"), app, r.Int("num_replicas", 1), r.Int("batch_size", 1));
        });
}
