using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// The one place that knows how StudyBot talks to its database: SQLite (with the pragmas every
/// connection needs) or PostgreSQL through Npgsql. Each provider's migrations live in their own
/// assembly, StudyBot.Data.Sqlite and StudyBot.Data.Postgres, which the program references.
/// </summary>
public static class StudyDbOptions
{
    public const string SqliteMigrationsAssembly = "StudyBot.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "StudyBot.Data.Postgres";

    private static readonly SqlitePragmaInterceptor _pragmas = new();

    /// <summary>A SQLite connection string for a database file path, or the string itself if it already is one.</summary>
    public static string ConnectionString(string pathOrConnectionString) =>
        pathOrConnectionString.Contains('=')
            ? pathOrConnectionString
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString, Pooling = true }.ToString();

    /// <summary>Statements Npgsql prepares on each connection once they have been sent twice, unless the connection string says otherwise.</summary>
    public const int PostgresAutoPrepared = 64;

    /// <summary>
    /// The PostgreSQL connection string as given, with Npgsql's automatic preparation on when it does not
    /// set <c>Max Auto Prepare</c>: StudyBot sends the same few statements over and over (a quiz click's
    /// read and writes), and a prepared one is not parsed and planned again by the server (measured: a
    /// third less of the bot's own CPU per click in class-burst). A pooler that cannot keep prepared
    /// statements (PgBouncer in transaction mode before 1.21) needs <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PostgresAutoPrepared, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    /// <summary>SQLite, from a file path or a SQLite connection string.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        Configure(options, DatabaseTarget.Sqlite(connectionString));

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(PostgresConnectionString(target.ConnectionString), npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            options
                .UseSqlite(ConnectionString(target.ConnectionString), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(_pragmas);
        }
        return options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    /// <summary>SQLite, from a file path or a SQLite connection string.</summary>
    public static DbContextOptions<StudyDbContext> For(string connectionString) => For(DatabaseTarget.Sqlite(connectionString));

    public static DbContextOptions<StudyDbContext> For(DatabaseTarget target) =>
        ((DbContextOptionsBuilder<StudyDbContext>)Configure(new DbContextOptionsBuilder<StudyDbContext>(), target)).Options;
}
