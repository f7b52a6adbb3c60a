using Microsoft.Extensions.Hosting;
using Quartz;

namespace StudyBot.Features.Settings;

/// <summary>
/// Stores the weekly fit job and its trigger (Mondays 03:00 UTC) once: a stored trigger keeps its
/// state across restarts, and a fit missed while the bot was down runs once at start.
/// </summary>
public sealed class FsrsFitSchedule(ISchedulerFactory schedulers) : IHostedService
{
    public const string CronExpression = "0 0 3 ? * MON";

    public static JobKey Job { get; } = new("weekly-fit", "fsrs");

    public static TriggerKey Trigger { get; } = new("weekly-fit", "fsrs");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.GetTrigger(Trigger, cancellationToken) is not null)
        {
            return;
        }
        var job = JobBuilder.Create<FsrsFitJob>().WithIdentity(Job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Trigger)
            .ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(CronExpression)
                .InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The weekly fit: a thin job that hands over to the fit service in its own scope.</summary>
[DisallowConcurrentExecution]
public sealed class FsrsFitJob(ScheduleFitService fits) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await fits.FitDueStudentsAsync(cancellationToken);
}
