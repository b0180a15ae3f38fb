using Spectre.Console.Cli;

namespace Gts.Cli;

/// <summary>Every `gts` subcommand, one line per area, so a newcomer finds a command's code from its name.</summary>
internal static class CommandTable
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<Commands.VersionCommand>("version").WithDescription("Print the version of gts and its main libraries.");
    }
}
