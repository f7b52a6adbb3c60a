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
/// <para>
/// On SQLite a migration that rebuilds a table turns foreign keys off first, which SQLite only allows
/// outside a transaction, and EF Core warns about each such step (event 20410: "cannot be executed in
/// a transaction ... the migration might not be completed"). On a new database there is nothing an
/// interrupted migration could damage (delete the file and start again), so the warning is logged at
/// Debug there; on a database with data it stays a warning, since stopping the bot during that
/// migration could leave it half done (take a backup before upgrading; docs/operating.md).
/// </para>
/// <para>
/// EF Core's check that the model has no changes missing a migration is not run here: it builds the
/// whole model a second time from the snapshot and compares the two, on every start that migrates,
/// and that code stays in memory for the life of the bot. The tests make the same check for both
/// providers, so a missing migration never reaches a build.
/// </para>
/// </remarks>
public sealed class DatabaseMigrator(DatabaseTarget target, ILogger<DatabaseMigrator> logger, ILoggerFactory? loggers = null)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = new StudyDbContext(Options(newDatabase: false));
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
            var newDatabase = pending.Count == db.Database.GetMigrations().Count();
            await using (var migrating = new StudyDbContext(Options(newDatabase)))
            {
                await migrating.Database.MigrateAsync(cancellationToken);
            }

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

    private DbContextOptions<StudyDbContext> Options(bool newDatabase)
    {
        var options = new DbContextOptionsBuilder<StudyDbContext>();
        StudyDbOptions.Configure(options, target)
            .UseLoggerFactory(loggers ?? NullLoggerFactory.Instance)
            // Options of their own make EF Core build its services and the model again for these
            // contexts (and 12 target models on a new database); cached, they would stay in memory
            // for the life of the process beside the bot's own. Disposed with the context instead.
            .EnableServiceProviderCaching(false)
            .ConfigureWarnings(warnings =>
            {
                warnings.Log((RelationalEventId.CommandError, LogLevel.Debug));
                warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
                if (newDatabase)
                {
                    warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug));
                }
            });
        return options.Options;
    }

    /// <summary>Any fixed number: the session lock PostgreSQL processes take around migrating.</summary>
    private const string MigrationLockKey = "6013560476838750567";
}
