using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using StudyBot.Data;
using StudyBot.Hosting;

namespace StudyBot.Observability;

/// <summary>
/// Ready when the database answers a query and has every migration applied: on SQLite the file must
/// be there (whether it is still the file the bot opened is <see cref="StorageHealthCheck"/>'s
/// part); on PostgreSQL the server must accept a connection.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<StudyDbContext> contexts, StorageLocation storage, BotStatus? status = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Still waiting for the server at start: say why and when the next try is.
        if (status?.WaitingFor(StartupRetry.Database) is { } waiting)
        {
            return HealthCheckResult.Unhealthy(waiting);
        }

        if (storage.IsSqlite)
        {
            var file = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            // Opening a missing file would quietly create an empty database; say it is gone instead.
            if (!File.Exists(file))
            {
                return HealthCheckResult.Unhealthy($"the database file {Path.GetFileName(file)} does not exist");
            }
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy(storage.IsSqlite ? "the database cannot be opened" : $"the {storage.Target.Describe()} cannot be reached");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("reachable, migrations applied")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
        }
        catch (SqliteException e)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be read: SQLite error {e.SqliteErrorCode}");
        }
        catch (PostgresException e)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be read: PostgreSQL error {e.SqlState} ({e.MessageText})");
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be reached: {e.Message}");
        }
    }
}
