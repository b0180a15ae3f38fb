using Gts.Core.Store;
using Gts.Store.Postgres;
using Gts.Testing;
using Npgsql;

namespace Gts.Store.Tests;

/// <summary>The store contract on PostgreSQL (GTS_TEST_POSTGRES, an Npgsql connection string), each test in
/// its own schema.</summary>
[RequiresService(Variable, "PostgreSQL")]
public sealed class PostgresMetadataStoreTests : MetadataStoreContract
{
    public const string Variable = "GTS_TEST_POSTGRES";
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    protected override async Task<IMetadataStore> CreateStoreAsync()
    {
        var connection = RequiresServiceAttribute.Require(Variable, "PostgreSQL");
        await using (var c = new NpgsqlConnection(connection))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create schema {_schema}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return new PostgresMetadataStore(new NpgsqlConnectionStringBuilder(connection) { SearchPath = _schema }.ToString());
    }

    protected override async Task DropStoreAsync()
    {
        await using var c = new NpgsqlConnection(RequiresServiceAttribute.Require(Variable, "PostgreSQL"));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop schema if exists {_schema} cascade", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
