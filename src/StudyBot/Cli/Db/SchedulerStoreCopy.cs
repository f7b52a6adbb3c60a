using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using StudyBot.Data;
using StudyBot.Hosting;

namespace StudyBot.Cli.Db;

/// <summary>
/// Copies Quartz's stored jobs and triggers (reminders, the question of the day, quiz deadlines,
/// the weekly fit) from one database's job store to another's, through Quartz's own API with the
/// bot's own scheduler configuration, so each provider's store keeps its own table layout. Neither
/// scheduler is started: nothing fires during the copy.
/// </summary>
internal static class SchedulerStoreCopy
{
    /// <summary>Copies every job with its triggers; returns how many jobs and triggers were copied.</summary>
    public static async Task<(int Jobs, int Triggers)> CopyAsync(DatabaseTarget from, DatabaseTarget to, IConfiguration configuration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var jobs = new List<(IJobDetail Job, IReadOnlyCollection<ITrigger> Triggers)>();
        await using (var source = Build(from, configuration))
        {
            var scheduler = await source.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
            try
            {
                foreach (var group in await scheduler.GetJobGroupNames(cancellationToken))
                {
                    foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken))
                    {
                        if (await scheduler.GetJobDetail(key, cancellationToken) is { } job)
                        {
                            jobs.Add((job, [.. (await scheduler.GetTriggersOfJob(key, cancellationToken)).Select(t => Rebase(t, now))]));
                        }
                    }
                }
            }
            finally
            {
                // Frees the scheduler's name in this process for the target's scheduler.
                await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
            }
        }

        await using var target = Build(to, configuration);
        var store = await target.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        try
        {
            foreach (var (job, triggers) in jobs)
            {
                if (triggers.Count == 0)
                {
                    await store.AddJob(job, new AddJobOptions { Replace = true, StoreNonDurableWhileAwaitingScheduling = true }, cancellationToken);
                }
                else
                {
                    await store.ScheduleJob(job, triggers, new ScheduleJobOptions { Replace = true }, cancellationToken);
                }
            }
        }
        finally
        {
            await store.Shutdown(waitForJobsToComplete: false, cancellationToken);
        }
        return (jobs.Count, jobs.Sum(j => j.Triggers.Count));
    }

    /// <summary>
    /// A recurring (cron) trigger that started in the past starts again now, so it keeps its next
    /// time instead of counting every time since it was made as a misfire; a one-shot keeps its time.
    /// </summary>
    private static ITrigger Rebase(ITrigger trigger, DateTimeOffset now) =>
        trigger is ICronTrigger && trigger.StartTimeUtc < now ? trigger.GetTriggerBuilder().StartAt(now).Build() : trigger;

    /// <summary>The bot's scheduler over the database's job store, for reading or editing its stored jobs; never started.</summary>
    internal static ServiceProvider Build(DatabaseTarget database, IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFilter("Quartz", LogLevel.Warning));
        services.AddStudyScheduling(configuration, new StorageLocation(database.ConnectionString, database.Provider));
        return services.BuildServiceProvider();
    }
}
