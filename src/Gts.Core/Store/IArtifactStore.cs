namespace Gts.Core.Store;

/// <summary>Content-addressed files: an artifact is named by the SHA-256 of its bytes (lower-case hex), is
/// written once (to a temporary name, then renamed) and never changes.</summary>
public interface IArtifactStore
{
    /// <summary>Stores the bytes and returns their hash; storing the same bytes twice is a no-op.</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Opens an artifact for reading; a hash that is not stored is a NotFound error.</summary>
    Stream OpenRead(string hash);

    bool Contains(string hash);

    /// <summary>The file that holds an artifact (it may not exist).</summary>
    string PathOf(string hash);
}
