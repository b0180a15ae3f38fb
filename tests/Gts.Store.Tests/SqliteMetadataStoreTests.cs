using Gts.Core.Store;
using Gts.Store.Sqlite;

namespace Gts.Store.Tests;

/// <summary>The store contract on a fresh SQLite file.</summary>
public sealed class SqliteMetadataStoreTests : MetadataStoreContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-sqlite-").FullName;

    protected override Task<IMetadataStore> CreateStoreAsync() =>
        Task.FromResult<IMetadataStore>(new SqliteMetadataStore(Path.Combine(_dir, "gts.db")));

    protected override Task DropStoreAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
