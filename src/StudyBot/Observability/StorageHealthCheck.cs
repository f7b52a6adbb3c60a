using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Observability;

/// <summary>Ready while the database file the bot opened is still the one at its path (not removed or replaced).</summary>
internal sealed class StorageHealthCheck(StorageHealth storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(storage.Problem is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy("the database file is the one the bot opened"));
}
