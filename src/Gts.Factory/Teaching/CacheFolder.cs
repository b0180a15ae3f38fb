using System.Diagnostics;

namespace Gts.Factory.Teaching;

/// <summary>Content-addressed folders under $GTS_HOME/cache (unpacked encoders, pretrained backbones) are written beside
/// their final name as "&lt;name&gt;.tmp-&lt;pid&gt;" and moved into place when complete, so a reader never sees half a folder.
/// Two processes may race to the same folder; the loser drops its copy.</summary>
public static class CacheFolder
{
    /// <summary>A fresh, empty folder to write <paramref name="target"/>'s content in. Temporary folders of processes that are
    /// gone (killed halfway) are removed first.</summary>
    public static string Begin(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        if (Directory.Exists(parent))
        {
            foreach (var tmp in Directory.EnumerateDirectories(parent, Path.GetFileName(target) + ".tmp-*"))
            {
                if (int.TryParse(tmp[(tmp.LastIndexOf('-') + 1)..], out var pid) && pid != Environment.ProcessId && IsRunning(pid)) continue;
                Directory.Delete(tmp, recursive: true);
            }
        }
        var temp = target + ".tmp-" + Environment.ProcessId;
        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>Moves the finished <paramref name="temp"/> folder to <paramref name="target"/>; when another process got there
    /// first, its folder stays and this one is deleted.</summary>
    public static void Publish(string temp, string target)
    {
        try
        {
            Directory.Move(temp, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
