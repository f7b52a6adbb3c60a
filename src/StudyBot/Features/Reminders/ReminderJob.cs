using Quartz;
using StudyBot.Features.Shared;
using StudyBot.Observability;

namespace StudyBot.Features.Reminders;

/// <summary>Fires at a student's reminder time: a thin job that hands over to the reminder service in its own scope.</summary>
public sealed class ReminderJob(ReminderService reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var outcome = "failed";
        try
        {
            outcome = (await reminders.RemindAsync((ulong)JobIds.Require(context, ReminderScheduler.UserKey), cancellationToken)) switch
            {
                ReminderOutcome.Sent => "sent",
                ReminderOutcome.NothingDue => "nothing_due",
                ReminderOutcome.DmsClosed => "dms_closed",
                var other => other.ToString().ToLowerInvariant(),
            };
        }
        finally
        {
            HostMetrics.Reminder(outcome);
        }
    }
}
