using Microsoft.EntityFrameworkCore;
using StudyBot.Data;

namespace StudyBot.Features.Shared;

/// <summary>The time zone a guild's scheduled posts (the question of the day) follow.</summary>
public interface IGuildTimeZones
{
    /// <summary>An IANA zone id.</summary>
    Task<string> ZoneOfAsync(ulong guildId, CancellationToken cancellationToken);
}

/// <summary>The zone stored in the guild's settings (<c>/config timezone</c>); UTC when none is set.</summary>
public sealed class StoredGuildTimeZones(StudyDbContext db) : IGuildTimeZones
{
    public const string Default = "UTC";

    public async Task<string> ZoneOfAsync(ulong guildId, CancellationToken cancellationToken)
        => await db.GuildSettings.Where(s => s.GuildId == guildId).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken) is { Length: > 0 } zone
            ? zone
            : Default;
}
