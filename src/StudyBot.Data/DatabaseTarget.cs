using Microsoft.Data.Sqlite;
using Npgsql;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data;

/// <summary>The database engines StudyBot runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file: the embedded default, for one process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for many servers and more than one bot process.</summary>
    Postgres,
}

/// <summary>Which database StudyBot uses: the provider and its connection string.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The configuration key that chooses the provider (<c>sqlite</c>, the default, or <c>postgres</c>).</summary>
    public const string ProviderKey = "Database:Provider";

    /// <summary>The configuration key of the connection string (for SQLite also just a file path).</summary>
    public const string ConnectionStringKey = "ConnectionStrings:StudyBot";

    /// <summary>A SQLite database from a file path or a SQLite connection string.</summary>
    public static DatabaseTarget Sqlite(string pathOrConnectionString) =>
        new(DatabaseProvider.Sqlite, StudyDbOptions.ConnectionString(pathOrConnectionString));

    /// <summary>A PostgreSQL database from an Npgsql connection string (<c>Host=..;Port=..;Database=..;Username=..</c>).</summary>
    public static DatabaseTarget Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>
    /// The provider a configuration value names: <c>sqlite</c> or <c>postgres</c> (also
    /// <c>postgresql</c>, <c>npgsql</c>), in any case; empty means SQLite.
    /// </summary>
    /// <exception cref="ArgumentException">Any other name, with a message saying which are known.</exception>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"{ProviderKey} \"{name}\" is not a database provider StudyBot knows; use \"sqlite\" or \"postgres\"."),
    };

    /// <summary>
    /// A target written as <c>PROVIDER:CONNECTION</c>, as the command line takes it:
    /// <c>sqlite:studybot.db</c>, <c>postgres:Host=db;Database=studybot;Username=bot</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No provider prefix, an unknown one, or nothing after it.</exception>
    public static DatabaseTarget Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new ArgumentException($"\"{text}\" names no database: write sqlite:PATH or postgres:CONNECTION-STRING (e.g. postgres:Host=localhost;Database=studybot;Username=studybot).");
        }
        var name = text[..colon].Trim().ToLowerInvariant();
        if (name is not ("sqlite" or "postgres" or "postgresql" or "npgsql"))
        {
            throw new ArgumentException($"\"{text[..colon]}\" in \"{text}\" is not a database provider StudyBot knows; write sqlite:PATH or postgres:CONNECTION-STRING.");
        }
        return For(ParseProvider(name), text[(colon + 1)..]);
    }

    /// <summary>A target of the given provider; a SQLite value may be a bare file path.</summary>
    public static DatabaseTarget For(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Sqlite ? Sqlite(connectionString) : Postgres(connectionString);

    /// <summary>The SQLite database file's full path; null for PostgreSQL or an in-memory SQLite database.</summary>
    public string? SqliteFile
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
                ? null
                : Path.GetFullPath(builder.DataSource);
        }
    }

    /// <summary>For messages: "SQLite database PATH", or the PostgreSQL database, host and port (never a password).</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return SqliteFile is { } file ? $"SQLite database {file}" : "in-memory SQLite database";
        }
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {builder.Database ?? builder.Username ?? "(default)"} on {builder.Host}:{builder.Port}";
    }

    /// <summary>Never the connection string itself: it may hold a password.</summary>
    public override string ToString() => $"{Provider}: {Describe()}";
}
