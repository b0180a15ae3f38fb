using Gts.Core.Errors;

namespace Gts.Cli.Commands.Plan;

/// <summary>Replaces the text between <c>&lt;!-- BEGIN name --&gt;</c> and <c>&lt;!-- END name --&gt;</c> in a
/// markdown file, writing to a temporary file and renaming it so the page is never half-written.</summary>
internal static class BenchmarkSection
{
    public static void Write(string path, string name, string body)
    {
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"benchmark page '{path}' does not exist", "run from the repository root or pass --benchmarks <path>",
                new SourceLocation(path));
        string text = File.ReadAllText(path);
        string begin = $"<!-- BEGIN {name} -->", end = $"<!-- END {name} -->";
        int i = text.IndexOf(begin, StringComparison.Ordinal), j = text.IndexOf(end, StringComparison.Ordinal);
        if (i < 0 || j < i)
            throw new GtsException(ErrorKind.InvalidInput, $"markers '{begin}' … '{end}' not found in order", $"add the two marker lines to {path}",
                new SourceLocation(path));
        string updated = text[..(i + begin.Length)] + "\n" + body.TrimEnd() + "\n" + text[j..];
        string temp = path + ".tmp";
        File.WriteAllText(temp, updated);
        File.Move(temp, path, overwrite: true);
    }
}
