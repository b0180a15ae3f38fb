using System.Security.Cryptography;
using Gts.Core.Errors;
using Gts.Core.Store;

namespace Gts.Store.Artifacts;

/// <summary>Artifacts as files under root/sha256/ab/abcdef…: written to root/tmp first, hashed while written,
/// then renamed into place, so a reader never sees a partial file and a crash leaves only a temporary file.</summary>
public sealed class FileArtifactStore : IArtifactStore
{
    public FileArtifactStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
    }

    public string Root { get; }

    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        string hash;
        try
        {
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temp);
            else
            {
                try { File.Move(temp, target, overwrite: false); }
                catch (IOException) when (File.Exists(target)) { File.Delete(temp); } // another writer stored the same bytes first
            }
        }
        catch
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw;
        }
        return hash;
    }

    public Stream OpenRead(string hash)
    {
        var path = PathOf(hash);
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"Artifact {hash} is not in the artifact store {Root}.",
                "Run the step that produces it again, or point GTS_HOME at the store that holds it.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    public bool Contains(string hash) => IsHash(hash) && File.Exists(PathOf(hash));

    public string PathOf(string hash)
    {
        if (!IsHash(hash)) throw new ArgumentException($"'{hash}' is not a SHA-256 hash (64 lower-case hex digits).", nameof(hash));
        return Path.Combine(Root, "sha256", hash[..2], hash);
    }

    private static bool IsHash(string hash) => hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower);
}
