using Microsoft.Extensions.Configuration;
using StudyBot.Data;

namespace StudyBot.Cli.Db;

/// <summary>
/// Which database a `db` command works on: --provider, else the configured Database:Provider, else
/// SQLite; --connection (or, for SQLite, --database PATH), else the configured
/// ConnectionStrings:StudyBot (appsettings.json in the current directory, or the
/// ConnectionStrings__StudyBot environment variable), else studybot.db in the current directory,
/// the same default the bot uses.
/// </summary>
public static class DatabaseLocation
{
    public const string DefaultFile = "studybot.db";

    /// <summary>The database the settings name.</summary>
    /// <exception cref="ArgumentException">An unknown provider, or PostgreSQL without a connection string; the message says what to pass.</exception>
    public static DatabaseTarget Target(DbSettings settings)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var provider = DatabaseTarget.ParseProvider(settings.Provider ?? configuration[DatabaseTarget.ProviderKey]);
        var connection = FirstOf(settings.Connection, provider == DatabaseProvider.Sqlite ? settings.Database : null, configuration[DatabaseTarget.ConnectionStringKey]);
        if (provider == DatabaseProvider.Postgres)
        {
            if (connection is null)
            {
                throw new ArgumentException("postgres needs a connection string: pass --connection \"Host=...;Database=...;Username=...\" or set ConnectionStrings:StudyBot.");
            }
            if (settings.Database is not null)
            {
                throw new ArgumentException("--database names a SQLite file; for postgres pass --connection.");
            }
        }
        return DatabaseTarget.For(provider, connection ?? DefaultFile);
    }

    private static string? FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
