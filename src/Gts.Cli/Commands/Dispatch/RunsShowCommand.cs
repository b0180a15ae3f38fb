using Gts.Core.Errors;
using Gts.Dispatch.Orchestration;
using Gts.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts runs show RUN`: the run and every step: state, attempt, where it ran, exit code, message.</summary>
internal sealed class RunsShowCommand : AsyncCommand<RunArgumentSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunArgumentSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        var run = await store.GetRunAsync(settings.Run, cancellationToken)
            ?? throw new GtsException(ErrorKind.NotFound, $"There is no run '{settings.Run}'.", "List the runs with `gts runs list`.");
        var steps = await store.GetStepsAsync(run.Id, cancellationToken);
        if (settings.Json) { JsonOutput.Write(new { run, steps }); return 0; }
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(run.Id)}[/] {Markup.Escape(run.Name)}: {run.State}{(run.CancelRequested ? " (cancel requested)" : "")} {Markup.Escape(run.Message ?? "")}");
        var table = new Table().AddColumns("step", "kind", "state", "attempt", "placement", "executor id", "exit", "message");
        foreach (var s in steps)
            table.AddRow(Markup.Escape(s.StepId), Markup.Escape(s.Kind), s.State.ToString(), $"{s.Attempt}/{s.MaxAttempts}",
                Markup.Escape(PlacementJson.Describe(s.Assignment)), Markup.Escape(s.ExternalId ?? ""), s.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(s.Message ?? ""));
        AnsiConsole.Write(table);
        return 0;
    }
}
