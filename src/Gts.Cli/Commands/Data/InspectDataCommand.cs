using System.ComponentModel;
using System.Text.Json;
using Gts.Data.Folders;
using Gts.Data.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Data;

/// <summary>`gts data inspect &lt;dir&gt;`: rows per split, class balance, text lengths and overlap warnings.</summary>
internal sealed class InspectDataCommand : Command<InspectDataCommand.Settings>
{
    internal sealed class Settings : DataFolderSettings
    {
        [CommandOption("--json")]
        [Description("Print the report as JSON instead of tables.")]
        public bool Json { get; init; }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var report = DataReport.Build(DatasetFolder.Load(settings.Directory, settings.ToOptions()));
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
            return 0;
        }
        DataReportView.Render(AnsiConsole.Console, report);
        return 0;
    }
}
