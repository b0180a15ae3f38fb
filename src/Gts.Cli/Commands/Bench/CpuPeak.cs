using System.Globalization;

namespace Gts.Cli.Commands.Bench;

/// <summary>Peak FP32 FLOP/s of this machine from /proc/cpuinfo: cores x clock x FLOP per cycle per core
/// (two 256-bit FMA pipes = 32 with AVX2 + FMA, 64 with AVX-512; note section 9).</summary>
internal sealed record CpuPeak(int Cores, double Ghz, int FlopsPerCycle)
{
    public double Gflops => Cores * Ghz * FlopsPerCycle;

    public static CpuPeak Detect()
    {
        double mhz = 0;
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists("/proc/cpuinfo"))
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (mhz == 0 && line.StartsWith("cpu MHz", StringComparison.Ordinal))
                    double.TryParse(line.Split(':', 2)[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out mhz);
                else if (flags.Count == 0 && line.StartsWith("flags", StringComparison.Ordinal))
                    flags.UnionWith(line.Split(':', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        int perCycle = flags.Contains("avx512f") ? 64 : flags.Contains("avx2") && flags.Contains("fma") ? 32 : 8;
        return new CpuPeak(Environment.ProcessorCount, mhz / 1000, perCycle);
    }
}
