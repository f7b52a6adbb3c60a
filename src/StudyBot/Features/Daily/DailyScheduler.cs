using System.Globalization;
using Quartz;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Daily;

/// <summary>One Quartz cron trigger per guild at the question of the day's local time, in the guild's IANA zone (stored, so DST and restarts are handled by Quartz).</summary>
public sealed class DailyScheduler(ISchedulerFactory schedulers, StudyClock clock)
{
    public const string Group = "daily-question";
    public const string GuildKey = "guildId";

    public static JobKey JobFor(ulong guildId) => new(guildId.ToString(CultureInfo.InvariantCulture), Group);

    public static TriggerKey TriggerFor(ulong guildId) => new(guildId.ToString(CultureInfo.InvariantCulture), Group);

    /// <summary>Schedules (or moves) the guild's daily post; returns when it fires next (UTC).</summary>
    public async Task<DateTimeOffset?> ScheduleAsync(ulong guildId, TimeOnly at, string timeZone, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<DailyQuestionJob>()
            .WithIdentity(JobFor(guildId))
            .UsingJobData(GuildKey, guildId.ToString(CultureInfo.InvariantCulture))
            .StoreDurably()
            // Run again on another cluster node if this one dies mid-run; the service posts the day's question once.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerFor(guildId))
            .ForJob(job)
            // From study time, not the machine's: the first post is the next one after "now" as the bot sees it.
            .StartAt(clock.Time.GetUtcNow())
            // Missed while the bot was down: post once when it is back, then keep the daily time.
            .WithSchedule(DailyCron.At(at, timeZone))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        return trigger.GetFireTimeAfter(clock.Time.GetUtcNow());
    }

    /// <summary>Stops the guild's daily post without forgetting it; scheduling it again resumes it.</summary>
    public async Task PauseAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.PauseTrigger(TriggerFor(guildId), cancellationToken);
    }

    public async Task CancelAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobFor(guildId), cancellationToken);
    }

    /// <summary>The post after the one firing now (UTC), or null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(TriggerFor(guildId), cancellationToken);
        return trigger?.GetFireTimeAfter(clock.Time.GetUtcNow());
    }
}
