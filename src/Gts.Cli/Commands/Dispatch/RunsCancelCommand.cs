using System.ComponentModel;
using Gts.Core.Errors;
using Gts.Store;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts runs cancel RUN [--step S]`: asks the dispatcher to stop a run or one step (a batch step
/// cancels all of its tasks); running processes and jobs are killed on its next cycle.</summary>
internal sealed class RunsCancelCommand : AsyncCommand<RunsCancelCommand.Settings>
{
    internal sealed class Settings : RunArgumentSettings
    {
        [CommandOption("--step <STEP>")]
        [Description("Cancel only this step (or batch) of the run.")]
        public string? Step { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        if (!await store.RequestCancelAsync(settings.Run, settings.Step, cancellationToken))
            throw new GtsException(ErrorKind.NotFound, settings.Step is null ? $"There is no run '{settings.Run}'." : $"Run '{settings.Run}' has no step '{settings.Step}'.",
                "List runs with `gts runs list` and steps with `gts runs show RUN`.");
        if (settings.Json) JsonOutput.Write(new { run = settings.Run, step = settings.Step, cancelRequested = true });
        else Console.Out.WriteLine($"cancel requested for {settings.Run}{(settings.Step is null ? "" : "/" + settings.Step)}");
        return 0;
    }
}
