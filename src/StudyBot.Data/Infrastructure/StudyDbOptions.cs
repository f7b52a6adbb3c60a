using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace StudyBot.Data.Infrastructure;

/// <summary>The one place that knows how StudyBot talks to SQLite.</summary>
public static class StudyDbOptions
{
    private static readonly SqlitePragmaInterceptor _pragmas = new();

    /// <summary>A connection string for a database file path, or the string itself if it already is one.</summary>
    public static string ConnectionString(string pathOrConnectionString) =>
        pathOrConnectionString.Contains('=')
            ? pathOrConnectionString
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString, Pooling = true }.ToString();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(ConnectionString(connectionString), sqlite => sqlite.MigrationsAssembly(typeof(StudyDbContext).Assembly.GetName().Name))
            .AddInterceptors(_pragmas)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static DbContextOptions<StudyDbContext> For(string connectionString) =>
        ((DbContextOptionsBuilder<StudyDbContext>)Configure(new DbContextOptionsBuilder<StudyDbContext>(), connectionString)).Options;
}
