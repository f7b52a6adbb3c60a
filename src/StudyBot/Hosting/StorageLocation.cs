using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using StudyBot.Data;

namespace StudyBot.Hosting;

/// <summary>
/// The progress database: Database:Provider (<c>sqlite</c>, the default, or <c>postgres</c>) and
/// ConnectionStrings:StudyBot, by default studybot.db in the current directory.
/// </summary>
public sealed record StorageLocation(string ConnectionString, DatabaseProvider Provider = DatabaseProvider.Sqlite)
{
    public const string ConfigurationKey = DatabaseTarget.ConnectionStringKey;
    public const string ProviderKey = DatabaseTarget.ProviderKey;
    public const string Default = "Data Source=studybot.db";
    public const string PostgresExample = "Host=localhost;Database=studybot;Username=studybot;Password=...";

    /// <summary>The provider and connection string, as the data layer takes them.</summary>
    public DatabaseTarget Target => new(Provider, ConnectionString);

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public static StorageLocation From(IConfiguration configuration)
    {
        DatabaseProvider provider;
        try
        {
            provider = DatabaseTarget.ParseProvider(configuration[ProviderKey]);
        }
        catch (ArgumentException e)
        {
            throw new StartupException(e.Message);
        }

        var configured = configuration[ConfigurationKey];
        return provider == DatabaseProvider.Postgres ? Postgres(configured) : Sqlite(string.IsNullOrWhiteSpace(configured) ? Default : configured);
    }

    private static StorageLocation Postgres(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StartupException($"{ProviderKey} is postgres but {ConfigurationKey} is not set; use e.g. \"{PostgresExample}\".");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{ConfigurationKey} is not a PostgreSQL connection string ({e.Message}); use the keyword form, e.g. \"{PostgresExample}\".");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StartupException($"{ConfigurationKey} names no PostgreSQL host (Host=...); use e.g. \"{PostgresExample}\".");
        }

        return new StorageLocation(builder.ConnectionString, DatabaseProvider.Postgres);
    }

    private static StorageLocation Sqlite(string value)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(value.Contains('=') ? value : "Data Source=" + value);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{ConfigurationKey} is not a SQLite connection string ({e.Message}); use e.g. \"{Default}\" (or set {ProviderKey}=postgres for PostgreSQL).");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new StartupException($"{ConfigurationKey} names no database file; use e.g. \"{Default}\".");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && directory is not null && !Directory.Exists(directory))
        {
            throw new StartupException($"{ConfigurationKey}: the directory {directory} does not exist; create it or point Data Source elsewhere.");
        }

        return new StorageLocation(builder.ToString());
    }

    /// <summary>Never the connection string: it may hold a password.</summary>
    public override string ToString() => Target.ToString();
}
