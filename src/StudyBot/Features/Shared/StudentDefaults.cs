using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Hosting;

namespace StudyBot.Features.Shared;

/// <summary>Gives a student seen for the first time the configured default time zone and day start.</summary>
public sealed class StudentDefaults(IDbContextFactory<StudyDbContext> contexts, StudentStore students, IOptions<StudyBotOptions> options)
{
    public async Task<UserSettings> EnsureAsync(ulong userId, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken) is { } existing)
            {
                return existing;
            }
        }

        var settings = new UserSettings
        {
            UserId = userId,
            TimeZone = options.Value.DefaultTimeZone,
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
}
