using System.Globalization;
using System.Text;
using Gts.Core.Execution;

namespace Gts.Dispatch.Executors.Slurm;

/// <summary>The batch script for a launch: task i of the job array (or the only task) execs its own command;
/// a gang (several nodes) starts it once per node through srun.</summary>
internal static class SlurmJobScript
{
    public static string For(Launch launch)
    {
        var gang = launch.Resources.Nodes > 1;
        var s = new StringBuilder("#!/bin/bash\n");
        s.Append("case \"${SLURM_ARRAY_TASK_ID:-0}\" in\n");
        for (int i = 0; i < launch.Tasks.Count; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"  {i}) ");
            s.Append(gang ? "exec srun --kill-on-bad-exit=1 " : "exec ");
            s.Append(string.Join(' ', launch.Tasks[i].Command.Select(Quote))).Append(" ;;\n");
        }
        s.Append("esac\necho \"gts: no task ${SLURM_ARRAY_TASK_ID} in this job\" >&2\nexit 2\n");
        return s.ToString();
    }

    /// <summary>Single-quotes a word for bash.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
