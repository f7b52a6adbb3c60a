using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using StudyBot.Data.Privacy;

namespace StudyBot.Hosting.Retention;

/// <summary>The <c>Privacy</c> section: how long the review log keeps each answer.</summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string SectionName = "Privacy";

    /// <summary>Review log entries older than this many days are summed per day and deleted; null keeps them all.</summary>
    public int? ReviewLogRetentionDays { get; set; }

    /// <summary>A Quartz cron expression, in UTC (default: every day at 04:15).</summary>
    public string RetentionSchedule { get; set; } = "0 15 4 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReviewLogRetentionDays is { } days && days < ReviewLogRetention.MinimumDays)
        {
            yield return new ValidationResult($"Privacy:ReviewLogRetentionDays must be at least {ReviewLogRetention.MinimumDays} (the statistics read the last 30 days from the log), not {days}; leave it unset to keep the whole log.");
        }
        if (!Backups.BackupOptions.IsCron(RetentionSchedule))
        {
            yield return new ValidationResult($"Privacy:RetentionSchedule '{RetentionSchedule}' is not a Quartz cron expression (e.g. \"0 15 4 * * ?\" for 04:15 UTC daily).");
        }
    }
}

/// <summary>Sums and deletes the review log entries older than Privacy:ReviewLogRetentionDays.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(ReviewLogRetention retention, IOptions<PrivacyOptions> options, StudyClock clock, ILogger<RetentionJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.ReviewLogRetentionDays is not { } days)
        {
            return;
        }
        var now = clock.UtcNow;
        var report = await retention.PruneAsync(now.AddDays(-days), now, cancellationToken);
        logger.LogInformation("Review log retention ({Days} days): {Entries} entries of {Students} student(s) summed into {DaysSummed} day(s) and deleted", days, report.EntriesDeleted, report.Students, report.DaysSummed);
    }
}

/// <summary>Keeps the stored retention trigger in line with the configuration at every start.</summary>
internal sealed class RetentionScheduling(ISchedulerFactory schedulers, IOptions<PrivacyOptions> options, ILogger<RetentionScheduling> logger) : IHostedService
{
    public static readonly JobKey Job = new("review-log-retention", "studybot");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var settings = options.Value;
        if (settings.ReviewLogRetentionDays is not { } days)
        {
            await scheduler.DeleteJob(Job, cancellationToken);
            return;
        }
        var job = JobBuilder.Create<RetentionJob>().WithIdentity(Job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Job.Name, Job.Group)
            .ForJob(Job)
            .WithCronSchedule(settings.RetentionSchedule, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        logger.LogInformation("Review log retention: entries older than {Days} days are summed per day and deleted, {Schedule} (UTC)", days, settings.RetentionSchedule);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The optional review log retention job (Privacy:ReviewLogRetentionDays, Privacy:RetentionSchedule).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<RetentionScheduling>();
        return services;
    }
}
