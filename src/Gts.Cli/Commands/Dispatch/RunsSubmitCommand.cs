using System.ComponentModel;
using Gts.Dispatch.Orchestration;
using Gts.Store;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts runs submit spec.json`: stores a run (a DAG of steps) for the dispatcher; prints its id.</summary>
internal sealed class RunsSubmitCommand : AsyncCommand<RunsSubmitCommand.Settings>
{
    internal sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("JSON run spec (name, steps with id, kind, args, depends_on, inputs, outputs, resources, tasks).")]
        public string Spec { get; init; } = "";

        [CommandOption("--id <ID>")]
        [Description("Run id (default: a new one).")]
        public string? Id { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = RunSpecFile.Read(settings.Spec);
        var id = settings.Id ?? $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var (run, steps) = RunPlanner.Plan(id, spec, TimeProvider.System.GetUtcNow(), settings.Spec);
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        await store.CreateRunAsync(run, steps, cancellationToken);
        if (settings.Json) JsonOutput.Write(new { run = id, steps = steps.Count });
        else Console.Out.WriteLine(id);
        return 0;
    }
}
