using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace StudyBot.Hosting;

/// <summary>
/// Refuses to start a cluster node whose <c>Scheduler:InstanceId</c> a live node is using. Quartz does
/// not notice a duplicate id: the newcomer takes the live node's in-flight work for a crashed node's
/// and runs it again. Registered before Quartz's hosted service, so the check comes first. A node
/// restarting after a crash finds its own last check-in, which stops advancing: it waits one and a
/// half check-in intervals to tell the two apart.
/// </summary>
internal sealed class ClusterInstanceGuard(ClusterInstanceGuard.Target target, SchedulerSettings settings, SchedulerClock clock, ILogger<ClusterInstanceGuard> logger) : IHostedService
{
    /// <summary>The PostgreSQL database the cluster's Quartz tables are in.</summary>
    internal sealed record Target(string ConnectionString);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Quartz stamps check-ins with its clock, the scheduler clock (study time in tests).
        var first = await LastCheckinAsync(cancellationToken);
        if (first is not null && clock.GetUtcNow().UtcDateTime - first < settings.CheckinInterval * 2)
        {
            await Task.Delay(settings.CheckinInterval * 1.5, cancellationToken);
            var second = await LastCheckinAsync(cancellationToken);
            if (second > first)
            {
                throw new StartupException(
                    $"{SchedulerSettings.InstanceIdKey} '{settings.InstanceId}' belongs to a running StudyBot process (it checked in {(clock.GetUtcNow().UtcDateTime - second.Value).TotalSeconds:0.0} s ago): "
                    + $"give every process its own {SchedulerSettings.InstanceIdKey}, or the two would run each other's jobs twice.");
            }
        }

        logger.LogInformation(
            "Quartz: clustered on PostgreSQL as instance {InstanceId} of scheduler {Scheduler}, checking in every {Checkin} s",
            settings.InstanceId, settings.SchedulerName, settings.CheckinInterval.TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The instance's last check-in (Quartz stores UTC ticks), or null when it has none or the tables are not made yet.</summary>
    private async Task<DateTime?> LastCheckinAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT last_checkin_time FROM qrtz_scheduler_state WHERE sched_name = @scheduler AND instance_name = @instance", connection);
        command.Parameters.AddWithValue("scheduler", settings.SchedulerName);
        command.Parameters.AddWithValue("instance", settings.InstanceId);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is long ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // A new database: Quartz provisions its tables when it starts, right after this.
            return null;
        }
    }
}
