using Gts.Core.Errors;
using Gts.Core.Store;
using Gts.Store.Artifacts;
using Gts.Store.Postgres;
using Gts.Store.Sqlite;

namespace Gts.Store;

/// <summary>The stores in gts's state folder (<see cref="Gts.Core.GtsHome"/>): GTS_HOME (default ~/.gts) holds gts.db and artifacts/; GTS_DATABASE
/// (or --db) may name another SQLite file or a PostgreSQL database ("postgresql://…" or "Host=…;Database=…").</summary>
public static class StateStores
{
    public const string DatabaseVariable = "GTS_DATABASE";

    public static string Directory => Gts.Core.GtsHome.Root;

    /// <summary>The database named by the argument, else GTS_DATABASE, else GTS_HOME/gts.db.</summary>
    public static string Database(string? database = null) =>
        database is { Length: > 0 } ? database
        : Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } env ? env
        : Path.Combine(Directory, "gts.db");

    public static string ArtifactRoot => Path.Combine(Directory, "artifacts");

    /// <summary>Opens (and initializes) the metadata store that a database string names.</summary>
    public static async Task<IMetadataStore> OpenMetadataAsync(string? database, CancellationToken cancellationToken)
    {
        var db = Database(database);
        IMetadataStore store = IsPostgres(db) ? new PostgresMetadataStore(ToNpgsql(db)) : new SqliteMetadataStore(db);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public static IArtifactStore OpenArtifacts() => new FileArtifactStore(ArtifactRoot);

    public static bool IsPostgres(string database) =>
        database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns a postgresql://user:password@host:port/db URL into an Npgsql connection string.</summary>
    public static string ToNpgsql(string database)
    {
        if (!database.Contains("://", StringComparison.Ordinal)) return database;
        if (!Uri.TryCreate(database, UriKind.Absolute, out var uri) || uri.AbsolutePath.Length <= 1)
            throw new GtsException(ErrorKind.InvalidInput, $"'{database}' is not a PostgreSQL URL.",
                "Write it as postgresql://user:password@host:port/database, or as Host=...;Database=...;Username=...");
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : null;
        var b = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.TrimStart('/'),
            Username = user.Length > 0 ? user : null,
        };
        if (password is not null) b.Password = password;
        return b.ToString();
    }
}
