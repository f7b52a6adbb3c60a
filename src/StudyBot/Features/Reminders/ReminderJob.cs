using Quartz;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Reminders;

/// <summary>Fires at a student's reminder time: a thin job that hands over to the reminder service in its own scope.</summary>
public sealed class ReminderJob(ReminderService reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await reminders.RemindAsync((ulong)JobIds.Require(context, ReminderScheduler.UserKey), cancellationToken);
    }
}
