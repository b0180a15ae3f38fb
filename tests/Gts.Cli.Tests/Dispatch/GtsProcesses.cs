using System.Diagnostics;
using System.Text;

namespace Gts.Cli.Tests.Dispatch;

/// <summary>Real `gts` processes for the crash tests: the built CLI run with its own GTS_HOME, output collected.</summary>
internal static class GtsProcesses
{
    public static Process Start(string home, StringBuilder? output, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "gts.dll"), .. args]) info.ArgumentList.Add(a);
        info.Environment["GTS_HOME"] = home;
        info.Environment.Remove("GTS_DATABASE");
        var p = Process.Start(info)!;
        p.OutputDataReceived += (_, e) => Append(output, e.Data);
        p.ErrorDataReceived += (_, e) => Append(output, e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>The key of every task the local executor launched (one file per task directory).</summary>
    public static IEnumerable<string> LaunchedTaskKeys(string home) =>
        Directory.EnumerateFiles(Path.Combine(home, "executors", "local"), "key", SearchOption.AllDirectories).Select(File.ReadAllText);

    private static void Append(StringBuilder? output, string? line)
    {
        if (output is null || line is null) return;
        lock (output) output.AppendLine(line);
    }
}
