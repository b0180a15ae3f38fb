using System.Security.Cryptography;
using System.Text;
using Gts.Core.Errors;
using Gts.Store.Artifacts;

namespace Gts.Store.Tests;

public sealed class FileArtifactStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gts-artifacts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task An_artifact_is_named_by_the_sha256_of_its_bytes_and_reads_back()
    {
        var store = new FileArtifactStore(_root);
        var bytes = Encoding.UTF8.GetBytes("teacher logits");

        var hash = await store.PutAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        Assert.True(store.Contains(hash));
        await using var s = store.OpenRead(hash);
        Assert.Equal("teacher logits", await new StreamReader(s).ReadToEndAsync());
        Assert.StartsWith(Path.Combine(_root, "sha256", hash[..2]), store.PathOf(hash), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storing_the_same_bytes_twice_keeps_one_file_and_no_temporaries()
    {
        var store = new FileArtifactStore(_root);
        var hashes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            store.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes("same")), CancellationToken.None)));

        Assert.Single(hashes.Distinct());
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "sha256"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task A_failed_write_leaves_no_artifact_and_no_temporary()
    {
        var store = new FileArtifactStore(_root);
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(new FailingStream(), CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_missing_artifact_is_a_not_found_error_that_says_what_to_do()
    {
        var store = new FileArtifactStore(_root);
        var e = Assert.Throws<GtsException>(() => store.OpenRead(new string('0', 64)));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
        Assert.NotNull(e.Fix);
        Assert.False(store.Contains("not-a-hash"));
    }

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream() : base(new byte[100]) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _reads++ == 0 ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("disk went away");
    }
}
