using Gts.Core;
using Gts.Core.Store;

namespace Gts.Factory.Teaching;

/// <summary>Tuned (SetFit), adapted (TAPT) and from-scratch pretrained encoders live in the artifact store as zipped folders and
/// are named in a teacher spec as "tuned:&lt;base&gt;:&lt;artifact hash&gt;", "tapt:…" or "scratch:…". Steps open them through <see cref="Open"/>, which unpacks each once into
/// $GTS_HOME/cache/encoders/&lt;hash&gt; (atomically: a half-unpacked folder is never used).</summary>
public static class TunedEncoders
{
    public const string Tuned = "tuned";
    public const string Adapted = "tapt";
    public const string Pretrained = "scratch";

    public static string Name(string kind, string baseEncoder, string artifactHash) => $"{kind}:{baseEncoder}:{artifactHash}";

    public static bool IsStored(string name) => name.Split(':') is [Tuned or Adapted or Pretrained, _, _];

    /// <summary>The readable part of an encoder name, e.g. "minilm (SetFit-tuned)".</summary>
    public static string Display(string name) => !IsStored(name) ? name : name.Split(':') switch
    {
        [Tuned, var b, _] => b + " (SetFit-tuned)",
        [Adapted, var b, _] => b + " (TAPT)",
        [Pretrained, var b, _] => b + " (pretrained here)",
        _ => name,
    };

    /// <summary>Opens the encoders of a teacher, unpacking tuned ones from <paramref name="artifacts"/>.</summary>
    public static EncoderEnsemble Open(IReadOnlyList<string> names, IArtifactStore artifacts) =>
        EncoderEnsemble.Open(names.Select(n => Locate(n, artifacts)).ToList());

    /// <summary>What <see cref="EncoderEnsemble.Spec"/> opens for a name: the unpacked folder of a tuned encoder, else the name.</summary>
    public static string Locate(string name, IArtifactStore artifacts) => IsStored(name) ? Unpack(name.Split(':')[2], artifacts) : name;

    /// <summary>The packaged encoder (or path) a tuned one started from.</summary>
    public static string BaseOf(string name) => IsStored(name) ? name.Split(':')[1] : name;

    private static string Unpack(string hash, IArtifactStore artifacts)
    {
        var dir = GtsHome.Under("cache", "encoders", hash);
        if (Directory.Exists(dir)) return dir;
        var tmp = CacheFolder.Begin(dir);
        using (var stream = artifacts.OpenRead(hash)) System.IO.Compression.ZipFile.ExtractToDirectory(stream, tmp);
        CacheFolder.Publish(tmp, dir);
        return dir;
    }
}
