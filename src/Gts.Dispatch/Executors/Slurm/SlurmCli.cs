using CliWrap;
using CliWrap.Buffered;
using Gts.Core.Errors;

namespace Gts.Dispatch.Executors.Slurm;

/// <summary>Runs Slurm's command-line tools with this cluster's SLURM_CONF and returns their output.</summary>
internal sealed class SlurmCli(SlurmExecutorOptions options)
{
    public async Task<BufferedCommandResult> RunAsync(string program, IReadOnlyList<string> args, CancellationToken ct,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var vars = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (options.SlurmConf is not null) vars["SLURM_CONF"] = options.SlurmConf;
        if (env is not null) foreach (var (k, v) in env) vars[k] = v;
        try
        {
            return await Cli.Wrap(program).WithArguments(args).WithEnvironmentVariables(vars)
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GtsException(ErrorKind.External, $"Cannot run '{program}' for Slurm pool '{options.Pool}': {e.Message}",
                "Install the Slurm client tools (apt-get install slurm-client) or run gts on a Slurm login node.", inner: e);
        }
    }

    /// <summary>Runs a command that must succeed; a failure is an External error quoting Slurm's message.</summary>
    public async Task<string> RunCheckedAsync(string program, IReadOnlyList<string> args, CancellationToken ct)
    {
        var r = await RunAsync(program, args, ct);
        if (r.ExitCode != 0)
            throw new GtsException(ErrorKind.External, $"{program} failed on Slurm pool '{options.Pool}' (exit {r.ExitCode}): {r.StandardError.Trim()}",
                "Check that the cluster is up (sinfo) and that SLURM_CONF points at its slurm.conf.");
        return r.StandardOutput;
    }
}
