using Spectre.Console.Cli;

namespace Gts.Cli;

/// <summary>Every `gts` subcommand, one line per area, so a newcomer finds a command's code from its name.</summary>
internal static class CommandTable
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<Commands.Sim.SimCommand>("sim").WithDescription("Replay GPU-cluster traces through the scheduler on virtual time; write tables and plots.");
        config.AddCommand<Commands.DemoCommand>("demo").WithDescription("The whole production pipeline on the sample data in samples/reviews, then the student at work.");
        config.AddCommand<Commands.Production.ProduceCommand>("produce").WithDescription("Produce a small, fast classifier from a recipe: teacher, generator, self-training, distilled ONNX student.");
        config.AddCommand<Commands.Production.PredictCommand>("predict").WithDescription("Label texts with an exported student model (ONNX Runtime only).");
        config.AddCommand<Commands.VersionCommand>("version").WithDescription("Print the version of gts and its main libraries.");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks that rewrite their section of docs/BENCHMARKS.md.");
            bench.AddCommand<Commands.Bench.FewShotBenchCommand>("fewshot").WithDescription("Few-shot baseline grid (methods x data sets x shots x seeds), resumable.");
            bench.AddCommand<Commands.Bench.EmbedBenchCommand>("embed").WithDescription("Embedding throughput of the packaged encoders, with the FLOP arithmetic.");
            bench.AddCommand<Commands.Bench.EngineBenchCommand>("engine").WithDescription("Neural engine: fewshot | tapt | stability | soak.");
            bench.AddCommand<Commands.PipelineBench.PipelineBenchCommand>("pipeline").WithDescription("Production pipeline in-process per data set x seed, floors, ablations and one timed `gts produce`; resumable.");
        });
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
        config.AddCommand<Commands.Dispatch.PoolsCommand>("pools").WithDescription("The compute pools the dispatcher uses: nodes, CPUs, memory, GPUs.");
        config.AddCommand<Commands.Dispatch.DispatcherCommand>("dispatcher").WithDescription("Run the dispatcher loop (reconciles with executors on start).");
        config.AddBranch("runs", runs =>
        {
            runs.SetDescription("Submit, list, inspect and cancel runs.");
            runs.AddCommand<Commands.Dispatch.RunsSubmitCommand>("submit").WithDescription("Store a run (JSON DAG of steps) for the dispatcher.");
            runs.AddCommand<Commands.Dispatch.RunsListCommand>("list").WithDescription("The newest runs and their state.");
            runs.AddCommand<Commands.Dispatch.RunsShowCommand>("show").WithDescription("A run's steps: state, attempt, placement, exit code.");
            runs.AddCommand<Commands.Dispatch.RunsCancelCommand>("cancel").WithDescription("Cancel a run or one of its steps.");
            runs.AddCommand<Commands.Dispatch.RunsLogsCommand>("logs").WithDescription("The captured output of a step.");
        });
        config.AddBranch("worker", worker =>
        {
            worker.SetDescription("Entry points started by executors.");
            worker.AddCommand<Commands.Dispatch.WorkerStepCommand>("step").WithDescription("Run one step of a run and record its result.");
        });
    }
}
