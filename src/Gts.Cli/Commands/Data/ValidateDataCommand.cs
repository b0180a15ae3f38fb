using System.ComponentModel;
using Gts.Data.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Data;

/// <summary>`gts data validate &lt;dir&gt; [--shots K]`: checks every file; exits with the first error's kind code.</summary>
internal sealed class ValidateDataCommand : Command<ValidateDataCommand.Settings>
{
    internal sealed class Settings : DataFolderSettings
    {
        [CommandOption("--shots <K>")]
        [Description("Also check that every class has at least K training examples.")]
        public int? Shots { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = DatasetValidator.Validate(settings.Directory, settings.ToOptions(), settings.Shots);
        foreach (var e in result.Errors)
            Console.Error.WriteLine($"error: {e.Describe()}");
        DataReportView.RenderWarnings(AnsiConsole.Console, result.Warnings);
        if (!result.IsValid) return (int)result.Errors[0].Kind;
        var d = result.Dataset!;
        AnsiConsole.MarkupLine($"[green]ok:[/] {Markup.Escape(d.Name)}: train {d.Train.Count:N0}, dev {d.Dev.Count:N0}, test {d.Test.Count:N0}, " +
            $"unlabeled {d.Unlabeled.Count:N0}, {d.Labels.Count} labels{(settings.Shots is int k ? $", {k}-shot sampling feasible" : "")}.");
        return 0;
    }
}
