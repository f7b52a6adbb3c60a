using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Features.Daily;
using StudyBot.Features.Settings;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Config;

/// <summary>A guild's settings, written by /config and read by the instructor check, notices and daily posts.</summary>
public sealed class ConfigService(StudyDbContext db, TimeZoneCatalog zones, DailyQuestionService daily, ServerZoneFollowers followers)
{
    public async Task<GuildSettings> GetAsync(ulong guildId, CancellationToken cancellationToken)
        => await db.GuildSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken) ?? new GuildSettings { GuildId = guildId };

    public Task<GuildSettings> SetInstructorRoleAsync(ulong guildId, ulong roleId, CancellationToken cancellationToken)
        => UpdateAsync(guildId, s => s.InstructorRoleId = roleId, cancellationToken);

    public Task<GuildSettings> SetStudyChannelAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
        => UpdateAsync(guildId, s => s.StudyChannelId = channelId, cancellationToken);

    /// <summary>Sets the guild's zone from an IANA id or a name people use ("india", "CET"); refuses one it cannot place.</summary>
    public async Task<GuildSettings> SetTimeZoneAsync(ulong guildId, string typed, CancellationToken cancellationToken)
    {
        var zone = await zones.ResolveAsync(typed);
        if (zone is null || !UserZones.IsKnown(zone))
        {
            throw new RefusalException($"'{typed}' is not a time zone StudyBot knows: pick one of the suggestions, or type an IANA name such as America/New_York.");
        }

        var settings = await UpdateAsync(guildId, s => s.TimeZone = zone, cancellationToken);
        // A question of the day already set keeps its local time in the new zone.
        await daily.ZoneChangedAsync(guildId, cancellationToken);
        // Its members who never chose a zone of their own study and are reminded in it.
        await followers.ServerChangedAsync(guildId, zone, cancellationToken);
        return settings;
    }

    private async Task<GuildSettings> UpdateAsync(ulong guildId, Action<GuildSettings> change, CancellationToken cancellationToken)
    {
        // The guild row exists: every interaction in a guild stores it first (GuildPresence).
        var settings = await db.GuildSettings.AsTracking().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        if (settings is null)
        {
            settings = new GuildSettings { GuildId = guildId };
            db.GuildSettings.Add(settings);
        }

        change(settings);
        await db.SaveChangesAsync(cancellationToken);
        return settings;
    }
}
