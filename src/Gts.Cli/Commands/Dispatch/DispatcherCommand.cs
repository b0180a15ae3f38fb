using System.ComponentModel;
using Gts.Dispatch.Orchestration;
using Gts.Store;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts dispatcher`: runs the scheduling loop over the local pool (and Slurm when configured) until
/// stopped; on start it reconciles with the executors, so it may be killed and restarted at any time.</summary>
internal sealed class DispatcherCommand : AsyncCommand<DispatcherCommand.Settings>
{
    internal sealed class Settings : PoolSettings
    {
        [CommandOption("--interval-ms <MS>")]
        [Description("Milliseconds between scheduling cycles (default 500).")]
        public int IntervalMs { get; init; } = 500;

        [CommandOption("--until-idle")]
        [Description("Exit once no run is active (for scripts and benchmarks).")]
        public bool UntilIdle { get; init; }

        [CommandOption("--policy <NAME>")]
        [Description("Placement: 'scheduler' (Level 1/2 cycle with backfill, default) or 'first-fit'.")]
        public string Policy { get; init; } = "scheduler";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; }));
        var logger = loggers.CreateLogger("dispatcher");
        await using var store = await StateStores.OpenMetadataAsync(settings.Database, cancellationToken);
        IPlacementPolicy policy = settings.Policy == "first-fit" ? new FirstFitPlacement() : ScheduledPlacement.Default;
        var options = new DispatcherOptions(DispatchSetup.WorkerCommand())
        {
            WorkerEnv = DispatchSetup.WorkerEnv(settings),
            Interval = TimeSpan.FromMilliseconds(Math.Max(10, settings.IntervalMs)),
        };
        var dispatcher = new Dispatcher(store, DispatchSetup.Executors(settings), policy, options, TimeProvider.System, logger);
        logger.LogInformation("dispatcher started (pid {Pid}) on {Store}", Environment.ProcessId, StateStores.Database(settings.Database));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await dispatcher.RunCycleAsync(stop.Token);
                if (settings.UntilIdle && (await store.GetActiveRunsAsync(stop.Token)).Count == 0) break;
                await Task.Delay(options.Interval, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        logger.LogInformation("dispatcher stopped");
        return 0;
    }
}
