namespace Gts.Store.Sql;

/// <summary>Column lists shared by the insert, update and select statements, so that they cannot drift apart.</summary>
internal static class Columns
{
    public const string Run = "id, name, state, tenant, queue, priority, created_at, finished_at, cancel_requested, message, version";

    public const string Step = "run_id, step_id, kind, state, args, depends_on, inputs, outputs, cpus, memory_mb, gpus, nodes, " +
        "time_limit_s, batch_id, task_index, max_attempts, attempt, not_before, pool, launch_key, external_id, assignment, " +
        "exit_code, message, input_hash, created_at, started_at, finished_at, cancel_requested, version";

    public const string Result = "run_id, step_id, attempt, exit_code, kind, input_hash, outputs, message, finished_at";

    public static string Parameters(string columns) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Select(c => "@" + c));

    public static string Assignments(string columns, params string[] except) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Where(c => !except.Contains(c)).Select(c => $"{c} = @{c}"));
}
