using System.Globalization;
using Quartz;

namespace StudyBot.Features.Reminders;

/// <summary>Fires at a student's reminder time: a thin job that hands over to the reminder service in its own scope.</summary>
public sealed class ReminderJob(ReminderService reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var raw = context.MergedJobDataMap.GetString(ReminderScheduler.UserKey);
        if (!ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            throw new JobExecutionException($"Reminder job {context.JobDetail.Key} has no valid user id ('{raw}').");
        }

        await reminders.RemindAsync(userId, cancellationToken);
    }
}
