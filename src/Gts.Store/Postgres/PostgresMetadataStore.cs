using System.Data.Common;
using Gts.Store.Sql;
using Npgsql;

namespace Gts.Store.Postgres;

/// <summary>The team option: PostgreSQL through one pooled Npgsql data source.</summary>
public sealed class PostgresMetadataStore : SqlMetadataStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    public PostgresMetadataStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Describe() => _description;

    // Concurrent "create table if not exists" can collide in PostgreSQL's catalog; one advisory lock orders them.
    protected override IEnumerable<string> BeforeSchema => ["select pg_advisory_xact_lock(4711)"];

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new Gts.Core.Errors.GtsException(Gts.Core.Errors.ErrorKind.External, $"Cannot connect to {_description}: {e.Message}",
                "Start PostgreSQL, or fix the connection string in GTS_DATABASE (or --db).", inner: e);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
