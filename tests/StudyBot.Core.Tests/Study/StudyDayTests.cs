using StudyBot.Core.Study;

namespace StudyBot.Core.Tests.Study;

public class StudyDayTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Theory]
    // Kiritimati is UTC+14: 13:59 UTC is 03:59 the next local day, still before the 4 am start.
    [InlineData("Pacific/Kiritimati", 2026, 3, 10, 13, 59, "2026-03-10", 2026, 3, 9, 14)]
    [InlineData("Pacific/Kiritimati", 2026, 3, 10, 14, 0, "2026-03-11", 2026, 3, 10, 14)]
    // Etc/GMT+12 is UTC-12: 4 am local is 16:00 UTC the same date.
    [InlineData("Etc/GMT+12", 2026, 3, 10, 15, 59, "2026-03-09", 2026, 3, 9, 16)]
    [InlineData("Etc/GMT+12", 2026, 3, 10, 16, 0, "2026-03-10", 2026, 3, 10, 16)]
    [InlineData("UTC", 2026, 3, 10, 3, 59, "2026-03-09", 2026, 3, 9, 4)]
    public void Containing_ZoneAndHour_StartsAtLocalDayStart(string zone, int y, int mo, int d, int h, int mi, string date, int sy, int smo, int sd, int sh)
    {
        var day = StudyDay.Containing(Utc(y, mo, d, h, mi), TimeZoneInfo.FindSystemTimeZoneById(zone), 4);

        Assert.Equal(DateOnly.Parse(date), day.Date);
        Assert.Equal(Utc(sy, smo, sd, sh), day.StartUtc);
        Assert.Equal(TimeSpan.FromHours(24), day.EndUtc - day.StartUtc);
    }

    [Fact]
    public void Containing_NewYorkSpringForward_DayIs23Hours()
    {
        // 2026-03-08: clocks jump 02:00 -> 03:00 EST -> EDT.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var day = StudyDay.Containing(Utc(2026, 3, 8, 12), zone, 0);

        Assert.Equal(new DateOnly(2026, 3, 8), day.Date);
        Assert.Equal(Utc(2026, 3, 8, 5), day.StartUtc);
        Assert.Equal(Utc(2026, 3, 9, 4), day.EndUtc);
    }

    [Fact]
    public void Containing_NewYorkFallBack_DayIs25Hours()
    {
        // 2026-11-01: clocks fall back 02:00 EDT -> 01:00 EST.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var day = StudyDay.Containing(Utc(2026, 10, 31, 20), zone, 4);

        Assert.Equal(new DateOnly(2026, 10, 31), day.Date);
        Assert.Equal(Utc(2026, 10, 31, 8), day.StartUtc);
        Assert.Equal(Utc(2026, 11, 1, 9), day.EndUtc);
    }

    [Fact]
    public void Containing_DayStartInsideDstGap_StartsAfterGap()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 02:30 local does not exist on 2026-03-08; the day starts at 03:00 EDT = 07:00 UTC.
        var before = StudyDay.Containing(Utc(2026, 3, 8, 6, 59), zone, 2);
        var after = StudyDay.Containing(Utc(2026, 3, 8, 7, 0), zone, 2);

        Assert.Equal(new DateOnly(2026, 3, 7), before.Date);
        Assert.Equal(Utc(2026, 3, 8, 7), before.EndUtc);
        Assert.Equal(new DateOnly(2026, 3, 8), after.Date);
        Assert.Equal(Utc(2026, 3, 8, 7), after.StartUtc);
    }

    [Fact]
    public void Containing_DayStartInRepeatedHour_UsesFirstOccurrence()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 01:00 local happens twice on 2026-11-01; the first is 05:00 UTC (EDT).
        var day = StudyDay.Containing(Utc(2026, 11, 1, 5, 30), zone, 1);

        Assert.Equal(new DateOnly(2026, 11, 1), day.Date);
        Assert.Equal(Utc(2026, 11, 1, 5), day.StartUtc);
        Assert.True(day.Contains(Utc(2026, 11, 1, 6, 30)));
    }

    [Fact]
    public void Containing_EveryHourOfAYear_NowInsideDay()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        for (var t = Utc(2026, 1, 1, 0); t < Utc(2027, 1, 1, 0); t = t.AddMinutes(30))
        {
            var day = StudyDay.Containing(t, zone, 2);
            Assert.True(day.Contains(t), $"{t:O} outside {day}");
        }
    }
}
