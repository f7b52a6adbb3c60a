using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace StudyBot.Observability;

/// <summary>Ready while the Quartz scheduler runs (reminders, quiz deadlines, backups fire).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("scheduler running")
            : HealthCheckResult.Unhealthy($"scheduler {scheduler.Status.ToString().ToLowerInvariant()}");
    }
}
