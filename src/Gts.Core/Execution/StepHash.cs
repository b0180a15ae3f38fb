using System.Security.Cryptography;
using System.Text;

namespace Gts.Core.Execution;

/// <summary>The content hash of a step's inputs: kind, arguments and input artifact hashes, sorted by name,
/// so that the same work on the same data has the same key (the cache key for skipping a step).</summary>
public static class StepHash
{
    public static string Of(string kind, IReadOnlyDictionary<string, string> args, IReadOnlyDictionary<string, string> inputs)
    {
        var text = new StringBuilder().Append("kind=").Append(kind).Append('\n');
        foreach (var (k, v) in args.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("arg ").Append(k).Append('=').Append(v).Append('\n');
        foreach (var (k, v) in inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("in ").Append(k).Append('=').Append(v).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
