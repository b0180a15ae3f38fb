using System.ComponentModel;
using Gts.Core.Errors;
using Gts.Core.Execution;
using Gts.Dispatch.Orchestration;
using Gts.Store;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts runs logs RUN STEP`: the captured output of a step's current attempt, from its executor.</summary>
internal sealed class RunsLogsCommand : AsyncCommand<RunsLogsCommand.Settings>
{
    internal sealed class Settings : PoolSettings
    {
        [CommandArgument(0, "<RUN>")]
        public string Run { get; init; } = "";

        [CommandArgument(1, "<STEP>")]
        [Description("Step id (a batch task is written id[i]).")]
        public string Step { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        var step = await store.GetStepAsync(settings.Run, settings.Step, cancellationToken)
            ?? throw new GtsException(ErrorKind.NotFound, $"Run '{settings.Run}' has no step '{settings.Step}'.", "List the steps with `gts runs show RUN`.");
        if (step.ExternalId is null || step.Pool is null)
            throw new GtsException(ErrorKind.NotFound, $"Step '{settings.Step}' has not been launched (state {step.State}).", "Wait until it runs; see `gts runs show`.");
        var executor = DispatchSetup.Executors(settings).FirstOrDefault(e => e.Pool == step.Pool)
            ?? throw new GtsException(ErrorKind.NotFound, $"Step '{settings.Step}' ran on pool '{step.Pool}', which is not configured here.", "Pass --slurm-conf for a Slurm pool.");
        var log = await executor.ReadLogAsync(new TaskHandle(Dispatcher.TaskKey(step), step.ExternalId), cancellationToken);
        if (settings.Json) JsonOutput.Write(new { run = step.RunId, step = step.StepId, attempt = step.Attempt, pool = step.Pool, externalId = step.ExternalId, log });
        else Console.Out.Write(log);
        return 0;
    }
}
