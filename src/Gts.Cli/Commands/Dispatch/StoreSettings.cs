using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>Options every dispatcher command shares: which metadata store, and JSON output for scripts.</summary>
internal class StoreSettings : CommandSettings
{
    [CommandOption("--db <DATABASE>")]
    [Description("Metadata store: a SQLite file or a PostgreSQL URL/connection string (default: GTS_DATABASE, else GTS_HOME/gts.db).")]
    public string? Database { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON instead of tables.")]
    public bool Json { get; init; }
}
