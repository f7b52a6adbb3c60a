namespace StudyBot.Data.Entities;

/// <summary>One student's study preferences. A user without a row gets these defaults.</summary>
public sealed class UserSettings
{
    public ulong UserId { get; set; }
    /// <summary>IANA zone id, e.g. "Asia/Seoul".</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>
    /// The student chose <see cref="TimeZone"/> (/settings timezone:); while false it follows the zone
    /// of the server they study in (/config timezone), copied here whenever that changes.
    /// </summary>
    public bool OwnTimeZone { get; set; }
    /// <summary>Local hour at which a study day starts (Anki's "next day starts at").</summary>
    public int DayStartHour { get; set; } = 4;
    /// <summary>Local time of the daily reminder; null for none.</summary>
    public TimeOnly? ReminderTime { get; set; }
    public int NewPerDay { get; set; } = 20;
    public int ReviewsPerDay { get; set; } = 200;
    public double DesiredRetention { get; set; } = 0.9;
    /// <summary>The recall to reach on an exam day in decks with an exam ahead; null for the default (0.9).</summary>
    public double? ExamTarget { get; set; }
    /// <summary>The adopted fit whose weights schedule this student; null for the default weights.</summary>
    public long? FsrsFitId { get; set; }
    /// <summary>That fit's weights (JSON array), kept here so an answer reads them with the settings.</summary>
    public string? FsrsWeights { get; set; }
    /// <summary>The student asked not to appear on leaderboards.</summary>
    public bool HideFromLeaderboard { get; set; }
    /// <summary>The guild the reminder was set in: its study channel carries notices about the reminder.</summary>
    public ulong? ReminderGuildId { get; set; }
    /// <summary>When the last reminder was sent, so a reminder is never sent twice for one day.</summary>
    public DateTime? ReminderLastSentUtc { get; set; }
    /// <summary>When a reminder could not be delivered because the student's DMs are closed (the reminder was turned off).</summary>
    public DateTime? ReminderBlockedUtc { get; set; }
    /// <summary>The student has not yet been told that their reminder was turned off.</summary>
    public bool ReminderNoticePending { get; set; }
}
