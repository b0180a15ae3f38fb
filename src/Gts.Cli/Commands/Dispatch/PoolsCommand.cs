using Gts.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>`gts pools`: the compute pools the dispatcher would use, their nodes and capacity.</summary>
internal sealed class PoolsCommand : AsyncCommand<PoolSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PoolSettings settings, CancellationToken cancellationToken)
    {
        var pools = await Task.WhenAll(DispatchSetup.Executors(settings).Select(e => e.DescribeAsync(cancellationToken)));
        if (settings.Json)
        {
            JsonOutput.Write(pools.Select(p => new
            {
                p.Name, Kind = p.Kind.ToString(), Gpus = p.GpuCount,
                Nodes = p.Nodes.Select(n => new { n.Name, Cpus = n.CpuMilli / 1000, n.MemoryMib, Gpus = n.Gpus.Count, GpuType = n.Gpus.FirstOrDefault()?.Type }),
            }));
            return 0;
        }
        var table = new Table().AddColumns("pool", "kind", "node", "cpus", "memory MiB", "gpus");
        foreach (var p in pools)
            foreach (var n in p.Nodes)
                table.AddRow(Markup.Escape(p.Name), p.Kind.ToString(), Markup.Escape(n.Name), (n.CpuMilli / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    n.MemoryMib.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Gpus.Count == 0 ? "0" : $"{n.Gpus.Count} × {Markup.Escape(n.Gpus[0].Type)}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"store: {Markup.Escape(StateStores.Database(settings.Database))}");
        return 0;
    }
}
