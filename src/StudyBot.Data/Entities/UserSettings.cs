namespace StudyBot.Data.Entities;

/// <summary>One student's study preferences. A user without a row gets these defaults.</summary>
public sealed class UserSettings
{
    public ulong UserId { get; set; }
    /// <summary>IANA zone id, e.g. "Asia/Seoul".</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Local hour at which a study day starts (Anki's "next day starts at").</summary>
    public int DayStartHour { get; set; } = 4;
    /// <summary>Local time of the daily reminder; null for none.</summary>
    public TimeOnly? ReminderTime { get; set; }
    public int NewPerDay { get; set; } = 20;
    public int ReviewsPerDay { get; set; } = 200;
    public double DesiredRetention { get; set; } = 0.9;
}
