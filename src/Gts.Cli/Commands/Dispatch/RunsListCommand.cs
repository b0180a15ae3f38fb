using System.ComponentModel;
using Gts.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts runs list`: the newest runs with their state.</summary>
internal sealed class RunsListCommand : AsyncCommand<RunsListCommand.Settings>
{
    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--limit <N>")]
        [Description("How many runs (default 20).")]
        public int Limit { get; init; } = 20;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        var runs = await store.ListRunsAsync(settings.Limit, cancellationToken);
        if (settings.Json) { JsonOutput.Write(runs); return 0; }
        var table = new Table().AddColumns("run", "name", "state", "tenant/queue", "created", "finished", "summary");
        foreach (var r in runs)
            table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Name), r.State.ToString(), Markup.Escape($"{r.Tenant}/{r.Queue}"),
                r.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), r.FinishedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(r.Message ?? (r.CancelRequested ? "cancelling" : "")));
        AnsiConsole.Write(table);
        return 0;
    }
}
