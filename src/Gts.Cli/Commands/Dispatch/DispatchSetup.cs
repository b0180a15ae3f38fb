using System.Reflection;
using Gts.Core.Execution;
using Gts.Dispatch.Executors.Local;
using Gts.Dispatch.Executors.Slurm;
using Gts.Store;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>Builds the executors and the worker command line from the options, the same way for the
/// dispatcher, `gts pools` and `gts runs logs`, so that all of them see the same task directories.</summary>
internal static class DispatchSetup
{
    public static IReadOnlyList<IExecutor> Executors(PoolSettings settings)
    {
        var list = new List<IExecutor>
        {
            new LocalExecutor(new LocalExecutorOptions(Path.Combine(StateStores.Directory, "executors", "local"))
            {
                Cpus = settings.LocalCpus ?? Environment.ProcessorCount,
                Gpus = settings.LocalGpus,
                Nodes = Math.Max(1, settings.LocalNodes),
            }),
        };
        var conf = settings.SlurmConf ?? Environment.GetEnvironmentVariable("SLURM_CONF");
        if (!settings.NoSlurm && conf is { Length: > 0 })
            list.Add(new SlurmExecutor(new SlurmExecutorOptions(Path.Combine(StateStores.Directory, "executors", "slurm"))
            {
                SlurmConf = conf,
                Partition = settings.SlurmPartition,
            }));
        return list;
    }

    /// <summary>How to start this same gts as a worker: GTS_WORKER when set, else this executable (or
    /// `dotnet gts.dll` when running under the dotnet host).</summary>
    public static IReadOnlyList<string> WorkerCommand()
    {
        if (Environment.GetEnvironmentVariable("GTS_WORKER") is { Length: > 0 } custom)
            return custom.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var process = Environment.ProcessPath ?? "gts";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Assembly.GetEntryAssembly()!.Location]
            : [process];
    }

    /// <summary>The environment a worker needs to find the same stores as the dispatcher.</summary>
    public static IReadOnlyDictionary<string, string> WorkerEnv(StoreSettings settings) => new Dictionary<string, string>
    {
        [Gts.Core.GtsHome.Variable] = StateStores.Directory,
        [StateStores.DatabaseVariable] = StateStores.IsPostgres(StateStores.Database(settings.Database)) ? StateStores.Database(settings.Database) : Path.GetFullPath(StateStores.Database(settings.Database)),
    };
}
