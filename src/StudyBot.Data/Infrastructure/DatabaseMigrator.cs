using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StudyBot.Data.Infrastructure;

/// <summary>Brings the database schema up to date and says what it applied.</summary>
/// <remarks>
/// On a new PostgreSQL database EF Core reads the migrations history table before it creates it,
/// and logs that expected failure as an error ("Failed executing DbCommand … __EFMigrationsHistory"),
/// which reads as if the first start went wrong. The migrator's own context logs failed commands at
/// Debug instead; a migration that really fails still throws, and the caller reports it. Without a
/// logger factory (a service collection with no logging) EF's own log is not written.
/// </remarks>
public sealed class DatabaseMigrator(DatabaseTarget target, ILogger<DatabaseMigrator> logger, ILoggerFactory? loggers = null)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var options = new DbContextOptionsBuilder<StudyDbContext>();
        StudyDbOptions.Configure(options, target)
            .UseLoggerFactory(loggers ?? NullLoggerFactory.Instance)
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.CommandError, LogLevel.Debug)));
        await using var db = new StudyDbContext(options.Options);
        var postgres = target.Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            // Processes started together (a Deployment's replicas) migrate one at a time; the others
            // then find nothing pending. SQLite has one process per file (DatabaseLockHolder).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(" + MigrationLockKey + ")", cancellationToken);
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var source = db.Database.GetDbConnection().DataSource;
            if (pending.Count == 0)
            {
                logger.LogInformation("Database {Source} is up to date", source);
                return pending;
            }
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database {Source}: applied {Count} migration(s): {Migrations}", source, pending.Count, string.Join(", ", pending));
            return pending;
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(" + MigrationLockKey + ")", CancellationToken.None);
            }
        }
    }

    /// <summary>Any fixed number: the session lock PostgreSQL processes take around migrating.</summary>
    private const string MigrationLockKey = "6013560476838750567";
}
