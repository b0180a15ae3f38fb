using System.Data.Common;
using Gts.Store.Sql;
using Microsoft.Data.Sqlite;

namespace Gts.Store.Sqlite;

/// <summary>The embedded default: one SQLite file in WAL mode, shared by the dispatcher and its workers;
/// writers queue on the file lock (busy timeout) rather than fail.</summary>
public sealed class SqliteMetadataStore : SqlMetadataStore
{
    private readonly string _connectionString;

    public SqliteMetadataStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    public override string Describe() => $"SQLite database {Path}";

    protected override IEnumerable<string> BeforeSchema => [];

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        // WAL lets readers proceed during a write; busy_timeout makes concurrent writers wait instead of failing.
        cmd.CommandText = "pragma journal_mode = wal; pragma busy_timeout = 60000; pragma foreign_keys = on; pragma synchronous = normal;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return c;
    }
}
