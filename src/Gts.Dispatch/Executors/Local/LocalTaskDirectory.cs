using System.Globalization;

namespace Gts.Dispatch.Executors.Local;

/// <summary>The files of one local task, which outlive the dispatcher: key (the dispatcher's task key),
/// pid ("pid starttime", written by the task's shell itself), log (stdout and stderr), exit (the exit code,
/// written via a temporary name when the command ends) and cancelled (a marker written before killing).</summary>
internal sealed class LocalTaskDirectory(string path)
{
    public string Path { get; } = path;
    public string KeyFile => System.IO.Path.Combine(Path, "key");
    public string PidFile => System.IO.Path.Combine(Path, "pid");
    public string LogFile => System.IO.Path.Combine(Path, "log");
    public string ExitFile => System.IO.Path.Combine(Path, "exit");
    public string CancelledFile => System.IO.Path.Combine(Path, "cancelled");

    public bool Exists => Directory.Exists(Path);

    public string? Key => File.Exists(KeyFile) ? File.ReadAllText(KeyFile) : null;

    public int? ExitCode => File.Exists(ExitFile) && int.TryParse(File.ReadAllText(ExitFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null;

    public bool Cancelled => File.Exists(CancelledFile);

    /// <summary>The task shell's pid and start time, or null before the shell has written them.</summary>
    public (int Pid, string StartTime)? Process
    {
        get
        {
            if (!File.Exists(PidFile)) return null;
            var parts = File.ReadAllText(PidFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? (pid, parts[1]) : null;
        }
    }

    /// <summary>True while the task's shell (the process group leader) is the same live process.</summary>
    public bool IsAlive => Process is { } p && ProcessGroups.StartTime(p.Pid) == p.StartTime;

    public DateTimeOffset? StartedAt => File.Exists(PidFile) ? File.GetLastWriteTimeUtc(PidFile) : null;

    public DateTimeOffset? EndedAt => File.Exists(ExitFile) ? File.GetLastWriteTimeUtc(ExitFile) : null;

    public DateTimeOffset CreatedAt => Directory.GetCreationTimeUtc(Path);
}
