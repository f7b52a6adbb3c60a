using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;

namespace StudyBot.Features.Stats;

/// <summary>A person's study days (their zone and day start), for per-day counts and streaks.</summary>
public sealed class StudyDays(TimeZoneInfo zone, int dayStartHour)
{
    public static StudyDays Of(UserSettings settings) => new(UserZones.Find(settings.TimeZone), settings.DayStartHour);

    public StudyDay Containing(DateTime utc) => StudyDay.Containing(utc, zone, dayStartHour);

    public StudyDay Of(DateOnly date) => new(date, StudyDay.LocalToUtc(date, dayStartHour, zone), StudyDay.LocalToUtc(date.AddDays(1), dayStartHour, zone));

    /// <summary>Consecutive study days with an answer, ending today, or yesterday when today has none yet.</summary>
    public int Streak(IEnumerable<DateTime> answersUtc, DateTime nowUtc)
    {
        var days = answersUtc.Select(a => Containing(a).Date).ToHashSet();
        var day = Containing(nowUtc).Date;
        if (!days.Contains(day))
        {
            day = day.AddDays(-1);
        }

        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }
}
