using System.Security.Cryptography;
using System.Text;

namespace Gts.Dispatch.Executors;

/// <summary>Turns a launch key into a name that is safe as a file name and a Slurm job name, and still unique:
/// the readable part is cleaned and shortened, and a hash of the full key is appended.</summary>
public static class LaunchKeys
{
    public static string SafeName(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var clean = new StringBuilder(Math.Min(key.Length, 48));
        foreach (var ch in key)
        {
            if (clean.Length == 48) break;
            clean.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' ? ch : '_');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
        return $"gts-{clean}-{hash}";
    }
}
