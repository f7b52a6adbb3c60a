using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Observability;

/// <summary>Ready while the SQLite database file the bot opened is still the one at its path (not removed or replaced); PostgreSQL has no file to watch.</summary>
internal sealed class StorageHealthCheck(StorageHealth storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(storage.Problem is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy(storage.DatabaseFile is null
                ? "no database file to watch (a PostgreSQL server, or SQLite in memory)"
                : storage.IsPinned
                    ? "the database file is the one the bot opened"
                    : "the database file is not opened yet (the start-up migration makes or opens it)"));
}
