using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace StudyBot.Observability;

/// <summary>Ready while the Quartz scheduler runs (reminders, quiz deadlines, backups fire).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Asked before the host started (a probe during start-up), getting the scheduler would build it
        // and open its store before the start-up migration made the database.
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the bot is still starting");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("scheduler running")
            : HealthCheckResult.Unhealthy($"scheduler {scheduler.Status.ToString().ToLowerInvariant()}");
    }
}
