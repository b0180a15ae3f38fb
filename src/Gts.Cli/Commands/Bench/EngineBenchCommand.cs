using Gts.Neural.Training.Runtime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Bench;

/// <summary>`gts bench engine &lt;experiment&gt;`: the neural engine's benchmarks; each rewrites its part of the engine
/// section of docs/BENCHMARKS.md.</summary>
internal sealed class EngineBenchCommand : Command<EngineBenchSettings>
{
    public override int Execute(CommandContext context, EngineBenchSettings settings, CancellationToken cancellationToken)
    {
        TorchRuntime.UseThreads(settings.Threads);
        var command = "gts bench engine " + string.Join(" ", context.Arguments.Skip(2));
        var markdown = settings.Experiment switch
        {
            "fewshot" => FewShotExperiment.Run(settings, command, cancellationToken),
            "tapt" => TaptExperiment.Run(settings, command, cancellationToken),
            "stability" => StabilityExperiment.Run(settings, command, cancellationToken),
            "soak" => SoakExperiment.Run(settings, command, cancellationToken),
            _ => throw new Gts.Core.Errors.GtsException(Gts.Core.Errors.ErrorKind.Usage, $"Unknown experiment '{settings.Experiment}'.",
                "Use one of: fewshot, tapt, stability, soak."),
        };
        EngineReport.Publish(settings.Benchmarks, settings.Experiment, markdown);
        AnsiConsole.MarkupLine($"wrote the engine section of [bold]{settings.Benchmarks}[/]");
        return 0;
    }
}
