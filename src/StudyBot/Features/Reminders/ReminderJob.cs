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
            // After a restart a missed fire runs late: the service sends it only if it is less than an hour late.
            // A fire of another trigger (Quartz's manual "trigger now") is a reminder on demand.
            var userId = (ulong)JobIds.Require(context, ReminderScheduler.UserKey);
            outcome = (await reminders.RemindAsync(userId, context.Trigger.Key.Equals(ReminderScheduler.TriggerFor(userId)), cancellationToken)) switch
            {
                ReminderOutcome.Sent => "sent",
                ReminderOutcome.NothingDue => "nothing_due",
                ReminderOutcome.DmsClosed => "dms_closed",
                ReminderOutcome.TooLate => "too_late",
                ReminderOutcome.AlreadySent => "already_sent",
                var other => other.ToString().ToLowerInvariant(),
            };
        }
        finally
        {
            HostMetrics.Reminder(outcome);
        }
    }
}
