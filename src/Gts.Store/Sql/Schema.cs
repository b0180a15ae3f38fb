namespace Gts.Store.Sql;

/// <summary>The metadata schema, written once for both SQLite and PostgreSQL: only types both accept
/// (text, integer, bigint), times as Unix milliseconds, lists and maps as JSON text.</summary>
internal static class Schema
{
    public const int Version = 1;

    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        create table if not exists schema_version (version integer not null)
        """,
        """
        create table if not exists runs (
            id text primary key,
            name text not null,
            state text not null,
            tenant text not null,
            queue text not null,
            priority integer not null,
            created_at bigint not null,
            finished_at bigint,
            cancel_requested integer not null,
            message text,
            version bigint not null)
        """,
        "create index if not exists runs_by_state on runs (state)",
        "create index if not exists runs_by_created on runs (created_at)",
        """
        create table if not exists steps (
            run_id text not null references runs (id),
            step_id text not null,
            kind text not null,
            state text not null,
            args text not null,
            depends_on text not null,
            inputs text not null,
            outputs text not null,
            cpus integer not null,
            memory_mb integer not null,
            gpus integer not null,
            nodes integer not null,
            time_limit_s bigint,
            batch_id text,
            task_index integer,
            max_attempts integer not null,
            attempt integer not null,
            not_before bigint,
            pool text,
            launch_key text,
            external_id text,
            assignment text,
            exit_code integer,
            message text,
            input_hash text,
            created_at bigint not null,
            started_at bigint,
            finished_at bigint,
            cancel_requested integer not null,
            version bigint not null,
            primary key (run_id, step_id))
        """,
        """
        create table if not exists step_results (
            run_id text not null,
            step_id text not null,
            attempt integer not null,
            exit_code integer not null,
            kind text not null,
            input_hash text,
            outputs text not null,
            message text,
            finished_at bigint not null,
            primary key (run_id, step_id, attempt))
        """,
        "create index if not exists step_results_by_key on step_results (kind, input_hash)",
    ];
}
