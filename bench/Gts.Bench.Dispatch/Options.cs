namespace Gts.Bench.Dispatch;

/// <summary>--name value options, the repository root, and writing one subsection between the dispatch markers
/// while keeping the rest of that section (the simulator's subsection) as it is.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --option value, got '{args[i]}'");
            d[args[i][2..]] = args[i + 1];
        }
        return new Options(d);
    }

    public string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gts.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository (no Gts.sln above the current directory).");
    }

    public static void WriteSection(string path, string subsection, string heading = "### Slurm head to head")
    {
        const string begin = "<!-- BEGIN dispatch -->", end = "<!-- END dispatch -->";
        var text = File.ReadAllText(path);
        int b = text.IndexOf(begin, StringComparison.Ordinal), e = text.IndexOf(end, StringComparison.Ordinal);
        if (b < 0 || e < b) throw new InvalidOperationException($"{path} has no {begin} ... {end} section.");
        var inner = text[(b + begin.Length)..e];
        int h = inner.IndexOf(heading, StringComparison.Ordinal);
        string updated;
        if (h >= 0)
        {
            int next = inner.IndexOf("\n### ", h + heading.Length, StringComparison.Ordinal);
            updated = inner[..h] + subsection.TrimEnd() + "\n" + (next >= 0 ? "\n" + inner[(next + 1)..] : "\n");
        }
        else
        {
            var kept = inner.Trim() == "Not measured yet." ? "" : inner.TrimEnd() + "\n\n";
            updated = "\n" + kept.TrimStart('\n') + subsection.TrimEnd() + "\n\n";
        }
        File.WriteAllText(path + ".tmp", text[..(b + begin.Length)] + updated + text[e..]);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
