namespace Gts.Cli.Commands.Plan;

/// <summary>The CPU model, core count and load average that every benchmark table states.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        string model = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
            model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? model;
        return $"{model}, {Environment.ProcessorCount} cores";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
