using Spectre.Console.Cli;

namespace Gts.Cli;

/// <summary>Every `gts` subcommand, one line per area, so a newcomer finds a command's code from its name.</summary>
internal static class CommandTable
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<Commands.VersionCommand>("version").WithDescription("Print the version of gts and its main libraries.");
        config.AddBranch("data", data =>
        {
            data.SetDescription("Inspect and validate data-set folders.");
            data.AddCommand<Commands.Data.InspectDataCommand>("inspect").WithDescription("Rows per split, class balance and text lengths of a data-set folder.");
            data.AddCommand<Commands.Data.ValidateDataCommand>("validate").WithDescription("Check every file of a data-set folder; exit code = the first error's kind.");
        });
        config.AddBranch("plan", plan =>
        {
            plan.SetDescription("Plan DP × TP × PP × ZeRO training of a large transformer: rank configurations, validate against published runs.");
            plan.SetDefaultCommand<Commands.Plan.PlanCommand>();
            plan.AddCommand<Commands.Plan.PlanValidateCommand>("validate").WithDescription("Score the planner against published training runs and write docs/BENCHMARKS.md.");
        });
    }
}
