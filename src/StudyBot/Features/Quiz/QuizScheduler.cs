using System.Globalization;
using Quartz;

namespace StudyBot.Features.Quiz;

/// <summary>Schedules each question's close at its deadline in the persistent store, so a restart does not leave it open.</summary>
public sealed class QuizScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "quiz-close";
    public const string QuizKey = "quizId";

    public static JobKey JobFor(long quizId) => new(quizId.ToString(CultureInfo.InvariantCulture), Group);

    public async Task ScheduleCloseAsync(long quizId, DateTime closesUtc, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<QuizCloseJob>()
            .WithIdentity(JobFor(quizId))
            .UsingJobData(QuizKey, quizId.ToString(CultureInfo.InvariantCulture))
            .StoreDurably()
            // Run again on another cluster node if this one dies mid-run; the close resumes where it stopped.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(quizId.ToString(CultureInfo.InvariantCulture), Group)
            .ForJob(job)
            .StartAt(new DateTimeOffset(DateTime.SpecifyKind(closesUtc, DateTimeKind.Utc)))
            // Past the deadline while the bot was down: close as soon as it is back.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task CancelCloseAsync(long quizId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobFor(quizId), cancellationToken);
    }
}
