using System.Globalization;
using Quartz;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Reminders;

/// <summary>One Quartz cron trigger per student, at their chosen local time in their own IANA zone (stored, so it survives restarts).</summary>
public sealed class ReminderScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "reminders";
    public const string UserKey = "userId";

    public static JobKey JobFor(ulong userId) => new(userId.ToString(CultureInfo.InvariantCulture), Group);

    public static TriggerKey TriggerFor(ulong userId) => new(userId.ToString(CultureInfo.InvariantCulture), Group);

    public async Task ScheduleAsync(ulong userId, TimeOnly at, string timeZone, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ReminderJob>()
            .WithIdentity(JobFor(userId))
            .UsingJobData(UserKey, userId.ToString(CultureInfo.InvariantCulture))
            .StoreDurably()
            // Run again on another cluster node if this one dies mid-run; the service's claim keeps it to one message.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerFor(userId))
            .ForJob(job)
            // A reminder missed while the bot was down fires once at start; the service sends it only if it is less than an hour late.
            .WithSchedule(DailyCron.At(at, timeZone))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task CancelAsync(ulong userId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobFor(userId), cancellationToken);
    }

    /// <summary>When the student's reminder fires next (UTC), or null when none is set.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(ulong userId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(TriggerFor(userId), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }
}
