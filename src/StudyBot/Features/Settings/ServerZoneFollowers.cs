using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Features.Reminders;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Settings;

/// <summary>
/// A student who never chose a time zone (<see cref="UserSettings.OwnTimeZone"/> false) uses the zone
/// of the server they study in: it is copied into their settings when <c>/config timezone</c> changes
/// it for the server's members, and when they use /settings or /remind set in a server, and their
/// reminder follows.
/// </summary>
public sealed class ServerZoneFollowers(StudyDbContext db, StudentStore students, StudentDefaults defaults, ReminderScheduler reminders)
{
    /// <summary>The word that gives a student's zone back to the server: <c>/settings timezone:server</c>.</summary>
    public const string ServerWord = "server";

    /// <summary>Moves the server's members without a zone of their own to its new zone; returns how many moved.</summary>
    public async Task<int> ServerChangedAsync(ulong guildId, string zone, CancellationToken cancellationToken)
    {
        var followers = await db.UserSettings
            .Where(s => !s.OwnTimeZone && s.TimeZone != zone
                && db.GuildMembers.Any(m => m.GuildId == guildId && m.UserId == s.UserId && m.LeftUtc == null))
            .Select(s => new { s.UserId, s.ReminderTime })
            .ToListAsync(cancellationToken);
        if (followers.Count == 0)
        {
            return 0;
        }

        var ids = followers.Select(f => f.UserId).ToList();
        await db.UserSettings.Where(s => ids.Contains(s.UserId) && !s.OwnTimeZone)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TimeZone, zone), cancellationToken);
        foreach (var follower in followers.Where(f => f.ReminderTime is not null))
        {
            await reminders.ScheduleAsync(follower.UserId, follower.ReminderTime!.Value, zone, cancellationToken);
        }

        return followers.Count;
    }

    /// <summary>
    /// The student's settings with the zone of the server they are in now when they have none of their
    /// own (saved, the caller reschedules a reminder); unchanged otherwise.
    /// </summary>
    public async Task<UserSettings> FollowAsync(UserSettings settings, ulong? guildId, CancellationToken cancellationToken)
    {
        if (settings.OwnTimeZone || guildId is null)
        {
            return settings;
        }

        var zone = await defaults.ZoneForAsync(guildId, cancellationToken);
        if (zone != settings.TimeZone)
        {
            settings.TimeZone = zone;
            await students.SaveSettingsAsync(settings, cancellationToken);
        }

        return settings;
    }

    /// <summary>How a student's zone is described: "Europe/Berlin (the server's)" when it is not their own.</summary>
    public static string Describe(UserSettings settings)
        => settings.OwnTimeZone ? settings.TimeZone : $"{settings.TimeZone} (the server's)";
}
