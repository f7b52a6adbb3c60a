using System.Globalization;
using Quartz;
using StudyBot.Data.Review;

namespace StudyBot.Features.Shared;

/// <summary>The schedule of a daily post at a local time (reminders, the question of the day).</summary>
public static class DailyCron
{
    /// <summary>
    /// Every day at <paramref name="at"/> in the IANA zone <paramref name="timeZone"/> (Quartz follows
    /// its DST changes); a fire missed while the bot was down runs once when it is back, then the
    /// daily time holds. What a late fire does is the job's business.
    /// </summary>
    public static CronScheduleBuilder At(TimeOnly at, string timeZone)
        => CronScheduleBuilder
            .Create(string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} ? * *"))
            .InTimeZone(UserZones.Find(timeZone))
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
}
