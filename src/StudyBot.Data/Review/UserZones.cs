namespace StudyBot.Data.Review;

/// <summary>Looks up a user's IANA zone; a zone the system no longer knows falls back to UTC rather than failing a review.</summary>
public static class UserZones
{
    public static TimeZoneInfo Find(string ianaId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnown(string ianaId) => TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out _);
}
