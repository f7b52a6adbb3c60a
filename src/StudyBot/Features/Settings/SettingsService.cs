using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Features.Reminders;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Settings;

/// <summary>The changes a student asked for; null leaves a setting as it is.</summary>
public sealed record SettingsChange(string? TimeZone, int? DayStartHour, int? NewPerDay, int? ReviewsPerDay, bool? Leaderboard = null, double? ExamTarget = null)
{
    public bool IsEmpty => TimeZone is null && DayStartHour is null && NewPerDay is null && ReviewsPerDay is null && Leaderboard is null && ExamTarget is null;
}

/// <summary>A student's study settings; a reminder follows a time zone change.</summary>
public sealed class SettingsService(StudentStore students, StudentDefaults defaults, ReminderScheduler reminders, TimeZoneCatalog zones, ServerZoneFollowers followers)
{
    /// <param name="guildId">The server the student asks in: a student without a zone of their own uses its zone.</param>
    public async Task<UserSettings> UpdateAsync(ulong userId, ulong? guildId, SettingsChange change, CancellationToken cancellationToken)
    {
        var settings = await defaults.EnsureAsync(userId, guildId, cancellationToken);
        var zoneBefore = settings.TimeZone;
        settings = await followers.FollowAsync(settings, guildId, cancellationToken);
        if (change.IsEmpty)
        {
            if (settings.TimeZone != zoneBefore && settings.ReminderTime is { } kept)
            {
                await reminders.ScheduleAsync(userId, kept, settings.TimeZone, cancellationToken);
            }

            return settings;
        }

        if (change.TimeZone is { } typed && typed.Trim().Equals(ServerZoneFollowers.ServerWord, StringComparison.OrdinalIgnoreCase))
        {
            settings.OwnTimeZone = false;
            settings.TimeZone = await defaults.ZoneForAsync(guildId, cancellationToken);
        }
        else if (change.TimeZone is { } chosen)
        {
            // "india" or "CET" typed without picking a suggestion still means a zone.
            settings.TimeZone = await zones.ResolveAsync(chosen) ?? chosen.Trim();
            settings.OwnTimeZone = true;
        }

        settings.HideFromLeaderboard = change.Leaderboard is { } shown ? !shown : settings.HideFromLeaderboard;
        settings.DayStartHour = change.DayStartHour ?? settings.DayStartHour;
        settings.NewPerDay = change.NewPerDay ?? settings.NewPerDay;
        settings.ReviewsPerDay = change.ReviewsPerDay ?? settings.ReviewsPerDay;
        settings.ExamTarget = change.ExamTarget ?? settings.ExamTarget;
        await students.SaveSettingsAsync(settings, cancellationToken);
        if (settings.ReminderTime is { } at)
        {
            await reminders.ScheduleAsync(userId, at, settings.TimeZone, cancellationToken);
        }

        return settings;
    }
}
