using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Hosting;

namespace StudyBot.Features.Shared;

/// <summary>
/// Gives a student seen for the first time the zone of the server they are in (<c>/config timezone</c>),
/// else the configured default time zone, and the default day start.
/// </summary>
public sealed class StudentDefaults(IDbContextFactory<StudyDbContext> contexts, StudentStore students, IOptions<StudyBotOptions> options)
{
    public Task<UserSettings> EnsureAsync(ulong userId, CancellationToken cancellationToken) => EnsureAsync(userId, null, cancellationToken);

    /// <param name="guildId">The server the student is in now, whose zone a new student starts with.</param>
    public async Task<UserSettings> EnsureAsync(ulong userId, ulong? guildId, CancellationToken cancellationToken)
    {
        string? serverZone;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken) is { } existing)
            {
                return existing;
            }

            serverZone = await ServerZoneAsync(db, guildId, cancellationToken);
        }

        var settings = new UserSettings
        {
            UserId = userId,
            TimeZone = serverZone ?? options.Value.DefaultTimeZone,
            DayStartHour = options.Value.DefaultDayStartHour,
        };
        try
        {
            await students.SaveSettingsAsync(settings, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another interaction of the same student created the row first; theirs stands.
        }

        return await students.GetSettingsAsync(userId, cancellationToken);
    }

    /// <summary>The zone a student without one of their own uses in this server: the server's, or the configured default.</summary>
    public async Task<string> ZoneForAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ServerZoneAsync(db, guildId, cancellationToken) ?? options.Value.DefaultTimeZone;
    }

    private static async Task<string?> ServerZoneAsync(StudyDbContext db, ulong? guildId, CancellationToken cancellationToken)
        => guildId is { } id
            ? await db.GuildSettings.Where(g => g.GuildId == id && g.TimeZone != null && g.TimeZone != "").Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken)
            : null;
}
