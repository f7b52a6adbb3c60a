using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace StudyBot.Data.Infrastructure;

/// <summary>Brings the database schema up to date and says what it applied.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<StudyDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
}
