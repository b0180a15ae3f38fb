using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands;

/// <summary>`gts version`: the tool's version and runtime.</summary>
internal sealed class VersionCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var version = Assembly.GetExecutingAssembly().GetName().Version;
        AnsiConsole.WriteLine($"gts {version} on .NET {Environment.Version} ({Environment.ProcessorCount} cores)");
        return 0;
    }
}
