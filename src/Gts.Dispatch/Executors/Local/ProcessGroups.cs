using System.Runtime.InteropServices;

namespace Gts.Dispatch.Executors.Local;

/// <summary>Signals and liveness of process groups by number. .NET's Process can only kill trees of processes
/// it started itself; after a dispatcher restart only the numbers are left, so this calls kill(2) directly.</summary>
internal static partial class ProcessGroups
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    /// <summary>Sends a signal to every process of a group; false when the group no longer exists.</summary>
    public static bool Signal(int processGroup, int signal) => kill(-processGroup, signal) == 0;

    /// <summary>True when any process of the group is still alive (signal 0 only checks).</summary>
    public static bool Exists(int processGroup) => kill(-processGroup, 0) == 0;

    /// <summary>The process's start time in clock ticks since boot (field 22 of /proc/pid/stat), or null when
    /// it is gone or a zombie; with the pid it identifies a process even after pids are reused.</summary>
    public static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : fields[19];
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
