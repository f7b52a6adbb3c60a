namespace StudyBot.Core.Study;

/// <summary>
/// One study day of one user: from the day-start hour in the user's own time zone to the same hour
/// the next local day. Across a DST change a day is 23 or 25 hours long.
/// </summary>
public readonly record struct StudyDay(DateOnly Date, DateTime StartUtc, DateTime EndUtc)
{
    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>The study day that <paramref name="nowUtc"/> falls in.</summary>
    public static StudyDay Containing(DateTime nowUtc, TimeZoneInfo zone, int dayStartHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dayStartHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dayStartHour, 23);
        var utc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var date = DateOnly.FromDateTime(local.AddHours(-dayStartHour));
        var start = LocalToUtc(date, dayStartHour, zone);
        // A start that a DST gap pushed forward can lie after now: the day began the local day before.
        if (start > utc)
        {
            date = date.AddDays(-1);
            start = LocalToUtc(date, dayStartHour, zone);
        }
        var end = LocalToUtc(date.AddDays(1), dayStartHour, zone);
        return new StudyDay(date, start, end);
    }

    /// <summary>
    /// The UTC instant of <paramref name="hour"/>:00 local on <paramref name="date"/>. A local time
    /// skipped by a DST gap maps to the first instant after the gap; a repeated one to its first
    /// occurrence, so a day never starts twice.
    /// </summary>
    public static DateTime LocalToUtc(DateOnly date, int hour, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Step forward to the first valid local minute; gaps are at most a few hours.
            var probe = local;
            while (zone.IsInvalidTime(probe))
            {
                probe = probe.AddMinutes(1);
            }
            return TimeZoneInfo.ConvertTimeToUtc(probe, zone);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var largest = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - largest, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
