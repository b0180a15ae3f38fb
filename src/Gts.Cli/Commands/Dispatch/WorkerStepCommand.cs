using System.ComponentModel;
using Gts.Dispatch.Steps;
using Gts.Dispatch.Worker;
using Gts.Store;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts worker step --run R --step S`: runs one step in this process (started by an executor) and
/// records its result; the exit code is the outcome (0 ok, 75 retry, 2-6 user errors, 1 bug).</summary>
internal sealed class WorkerStepCommand : AsyncCommand<WorkerStepCommand.Settings>
{
    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--run <RUN>")]
        [Description("Run id.")]
        public string Run { get; init; } = "";

        [CommandOption("--step <STEP>")]
        [Description("Step id within the run.")]
        public string Step { get; init; } = "";

        [CommandOption("--attempt <N>")]
        [Description("Attempt number the dispatcher launched (default: the step's current attempt).")]
        public int? Attempt { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Run.Length == 0 || Step.Length == 0 ? Spectre.Console.ValidationResult.Error("--run and --step are required") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        var worker = new StepWorker(store, StateStores.OpenArtifacts(), StepCatalog.Builtin([.. Gts.Factory.Steps.FactorySteps.All]), TimeProvider.System);
        return await worker.RunAsync(settings.Run, settings.Step, settings.Attempt, Console.Out, cancellationToken);
    }
}
