namespace Gts.Sim.Reporting;

/// <summary>Rewrites one `### Heading` part inside a `&lt;!-- BEGIN area --&gt;` / `&lt;!-- END area --&gt;` section of a
/// markdown page, keeping everything else (other areas, other sub-sections of the same area). Written to a
/// temporary file and renamed, so a crash never leaves half a page.</summary>
public static class BenchmarkSection
{
    public static string Replace(string page, string area, string heading, string body)
    {
        ArgumentNullException.ThrowIfNull(page);
        string begin = $"<!-- BEGIN {area} -->", end = $"<!-- END {area} -->";
        int b = page.IndexOf(begin, StringComparison.Ordinal), e = page.IndexOf(end, StringComparison.Ordinal);
        if (b < 0 || e < b) throw new InvalidOperationException($"the page has no '{begin}' … '{end}' section");
        string inside = page[(b + begin.Length)..e];
        string part = $"{heading}\n\n{body.Trim()}\n\n";
        int h = inside.IndexOf(heading + "\n", StringComparison.Ordinal);
        string updated;
        if (h >= 0)
        {
            int next = inside.IndexOf("\n### ", h + heading.Length, StringComparison.Ordinal);
            updated = inside[..h] + part + (next >= 0 ? inside[(next + 1)..] : "");
        }
        else if (inside.Trim().Length == 0 || inside.Trim() == "Not measured yet.")
            updated = "\n" + part;
        else
            updated = "\n" + part + inside.TrimStart('\n');
        return page[..(b + begin.Length)] + (updated.StartsWith('\n') ? updated : "\n" + updated) + page[e..];
    }

    public static void WriteInto(string path, string area, string heading, string body)
    {
        string page = File.ReadAllText(path);
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, Replace(page, area, heading, body));
        File.Move(tmp, path, overwrite: true);
    }
}
