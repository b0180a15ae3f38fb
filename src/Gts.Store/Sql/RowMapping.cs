using System.Data.Common;
using System.Text.Json;
using Gts.Core.Runs;

namespace Gts.Store.Sql;

/// <summary>Records to command parameters and reader rows back to records, for both database engines.</summary>
internal static class RowMapping
{
    public static void AddRun(DbCommand command, RunRecord run)
    {
        Add(command, "id", run.Id);
        Add(command, "name", run.Name);
        Add(command, "state", run.State.ToString());
        Add(command, "tenant", run.Tenant);
        Add(command, "queue", run.Queue);
        Add(command, "priority", run.Priority);
        Add(command, "created_at", Millis(run.CreatedAt));
        Add(command, "finished_at", Millis(run.FinishedAt));
        Add(command, "cancel_requested", run.CancelRequested ? 1 : 0);
        Add(command, "message", run.Message);
        Add(command, "version", run.Version);
    }

    public static RunRecord ReadRun(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Enum.Parse<RunState>(r.GetString(2)), Time(r, 6)!.Value)
        {
            Tenant = r.GetString(3),
            Queue = r.GetString(4),
            Priority = Int(r, 5)!.Value,
            FinishedAt = Time(r, 7),
            CancelRequested = Int(r, 8) == 1,
            Message = Text(r, 9),
            Version = Long(r, 10)!.Value,
        };

    public static void AddStep(DbCommand command, StepRecord s)
    {
        Add(command, "run_id", s.RunId);
        Add(command, "step_id", s.StepId);
        Add(command, "kind", s.Kind);
        Add(command, "state", s.State.ToString());
        Add(command, "args", JsonSerializer.Serialize(s.Args));
        Add(command, "depends_on", JsonSerializer.Serialize(s.DependsOn));
        Add(command, "inputs", JsonSerializer.Serialize(s.Inputs));
        Add(command, "outputs", JsonSerializer.Serialize(s.Outputs));
        Add(command, "cpus", s.Resources.Cpus);
        Add(command, "memory_mb", s.Resources.MemoryMb);
        Add(command, "gpus", s.Resources.Gpus);
        Add(command, "nodes", s.Resources.Nodes);
        Add(command, "time_limit_s", s.Resources.TimeLimit is { } t ? (long)t.TotalSeconds : null);
        Add(command, "batch_id", s.BatchId);
        Add(command, "task_index", s.TaskIndex);
        Add(command, "max_attempts", s.MaxAttempts);
        Add(command, "attempt", s.Attempt);
        Add(command, "not_before", Millis(s.NotBefore));
        Add(command, "pool", s.Pool);
        Add(command, "launch_key", s.LaunchKey);
        Add(command, "external_id", s.ExternalId);
        Add(command, "assignment", s.Assignment);
        Add(command, "exit_code", s.ExitCode);
        Add(command, "message", s.Message);
        Add(command, "input_hash", s.InputHash);
        Add(command, "created_at", Millis(s.CreatedAt));
        Add(command, "started_at", Millis(s.StartedAt));
        Add(command, "finished_at", Millis(s.FinishedAt));
        Add(command, "cancel_requested", s.CancelRequested ? 1 : 0);
        Add(command, "version", s.Version);
    }

    public static StepRecord ReadStep(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<StepState>(r.GetString(3)))
        {
            Args = Json<Dictionary<string, string>>(r, 4),
            DependsOn = Json<List<string>>(r, 5),
            Inputs = Json<Dictionary<string, string>>(r, 6),
            Outputs = Json<List<string>>(r, 7),
            Resources = new StepResources(Int(r, 8)!.Value, Int(r, 9)!.Value, Int(r, 10)!.Value, Int(r, 11)!.Value,
                Long(r, 12) is { } secs ? TimeSpan.FromSeconds(secs) : null),
            BatchId = Text(r, 13),
            TaskIndex = Int(r, 14),
            MaxAttempts = Int(r, 15)!.Value,
            Attempt = Int(r, 16)!.Value,
            NotBefore = Time(r, 17),
            Pool = Text(r, 18),
            LaunchKey = Text(r, 19),
            ExternalId = Text(r, 20),
            Assignment = Text(r, 21),
            ExitCode = Int(r, 22),
            Message = Text(r, 23),
            InputHash = Text(r, 24),
            CreatedAt = Time(r, 25)!.Value,
            StartedAt = Time(r, 26),
            FinishedAt = Time(r, 27),
            CancelRequested = Int(r, 28) == 1,
            Version = Long(r, 29)!.Value,
        };

    public static void AddResult(DbCommand command, StepResult x)
    {
        Add(command, "run_id", x.RunId);
        Add(command, "step_id", x.StepId);
        Add(command, "attempt", x.Attempt);
        Add(command, "exit_code", x.ExitCode);
        Add(command, "kind", x.Kind);
        Add(command, "input_hash", x.InputHash);
        Add(command, "outputs", JsonSerializer.Serialize(x.Outputs));
        Add(command, "message", x.Message);
        Add(command, "finished_at", Millis(x.FinishedAt));
    }

    public static StepResult ReadResult(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Int(r, 2)!.Value, Int(r, 3)!.Value, Time(r, 8)!.Value)
        {
            Kind = r.GetString(4),
            InputHash = Text(r, 5),
            Outputs = Json<Dictionary<string, string>>(r, 6),
            Message = Text(r, 7),
        };

    public static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private static long? Millis(DateTimeOffset? t) => t?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? Time(DbDataReader r, int i) => Long(r, i) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static T Json<T>(DbDataReader r, int i) where T : new() =>
        JsonSerializer.Deserialize<T>(r.GetString(i)) ?? new T();
}
