using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

using StudyBot.Observability;

namespace StudyBot.Hosting.Backups;

/// <summary>
/// Keeps the stored backup trigger in line with the configuration at every start: scheduled (or
/// rescheduled) when Backup:Directory is set, removed when it is not.
/// </summary>
internal sealed class BackupScheduling(ISchedulerFactory schedulers, IOptions<BackupOptions> options, ILogger<BackupScheduling> logger) : IHostedService
{
    public static readonly JobKey Job = new("backup", "studybot");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var settings = options.Value;
        if (!settings.Enabled)
        {
            await scheduler.DeleteJob(Job, cancellationToken);
            return;
        }

        var job = JobBuilder.Create<BackupJob>().WithIdentity(Job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Job.Name, Job.Group)
            .ForJob(Job)
            .WithCronSchedule(settings.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        // The newest backup already there (before a restart) is the last one until the next is written.
        var directory = Path.GetFullPath(settings.Directory!);
        if (Directory.Exists(directory) && BackupJob.Backups(directory).FirstOrDefault() is { } newest)
        {
            HostMetrics.BackupWritten(File.GetLastWriteTimeUtc(newest));
        }
        logger.LogInformation("Backups: {Schedule} (UTC) into {Directory}, keeping {Keep}", settings.Schedule, Path.GetFullPath(settings.Directory!), settings.Keep);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
