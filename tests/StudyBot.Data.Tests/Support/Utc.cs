namespace StudyBot.Data.Tests.Support;

public static class Utc
{
    public static DateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
