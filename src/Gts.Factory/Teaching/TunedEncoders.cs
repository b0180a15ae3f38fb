using Gts.Core;
using Gts.Core.Store;

namespace Gts.Factory.Teaching;

/// <summary>Tuned encoders live in the artifact store as zipped folders and are named in a teacher spec as
/// "tuned:&lt;base&gt;:&lt;artifact hash&gt;". Steps open them through <see cref="Open"/>, which unpacks each once into
/// $GTS_HOME/cache/encoders/&lt;hash&gt; (atomically: a half-unpacked folder is never used).</summary>
public static class TunedEncoders
{
    private const string Prefix = "tuned:";

    public static string Name(string baseEncoder, string artifactHash) => $"{Prefix}{baseEncoder}:{artifactHash}";

    public static bool IsTuned(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The readable part of an encoder name: "minilm (SetFit-tuned)" for a tuned one.</summary>
    public static string Display(string name) => IsTuned(name) ? name.Split(':')[1] + " (SetFit-tuned)" : name;

    /// <summary>Opens the encoders of a teacher, unpacking tuned ones from <paramref name="artifacts"/>.</summary>
    public static EncoderEnsemble Open(IReadOnlyList<string> names, IArtifactStore artifacts) =>
        EncoderEnsemble.Open(names.Select(n => IsTuned(n) ? Unpack(n.Split(':')[2], artifacts) : n).ToList());

    private static string Unpack(string hash, IArtifactStore artifacts)
    {
        var dir = GtsHome.Under("cache", "encoders", hash);
        if (Directory.Exists(dir)) return dir;
        var tmp = dir + ".tmp-" + Environment.ProcessId;
        if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
        Directory.CreateDirectory(tmp);
        using (var stream = artifacts.OpenRead(hash)) System.IO.Compression.ZipFile.ExtractToDirectory(stream, tmp);
        try
        {
            Directory.Move(tmp, dir);
        }
        catch (IOException) when (Directory.Exists(dir))
        {
            Directory.Delete(tmp, recursive: true);
        }
        return dir;
    }
}
