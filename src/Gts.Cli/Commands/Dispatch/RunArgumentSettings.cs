using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>Settings of the commands that act on one run.</summary>
internal class RunArgumentSettings : StoreSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("Run id (see gts runs list).")]
    public string Run { get; init; } = "";
}
