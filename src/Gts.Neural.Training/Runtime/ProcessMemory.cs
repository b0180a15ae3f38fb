namespace Gts.Neural.Training.Runtime;

/// <summary>Resident memory of this process as the kernel counts it (native libtorch allocations included, which the GC does not see).</summary>
public static class ProcessMemory
{
    /// <summary>Current resident set size in bytes (VmRSS), or 0 where /proc is not available.</summary>
    public static long ResidentBytes() => Read("VmRSS:");

    /// <summary>Peak resident set size in bytes since the process started (VmHWM), or 0 where /proc is not available.</summary>
    public static long PeakResidentBytes() => Read("VmHWM:");

    private static long Read(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return 0;
        foreach (var line in File.ReadLines(status))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return 0;
    }
}
