using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;

namespace StudyBot.Data.Stores;

/// <summary>A student's enrolments and settings.</summary>
public sealed class StudentStore(IDbContextFactory<StudyDbContext> contexts, TimeProvider time)
{
    /// <summary>Enrols a user in the guild's deck with this id; enrolling twice is harmless.</summary>
    public async Task EnrolAsync(ulong userId, string deckKey, ulong guildId = DeckRecord.NoGuild, CancellationToken cancellationToken = default)
    {
        int deckId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            deckId = await db.Decks.Where(d => d.GuildId == guildId && d.Key == deckKey).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new StoreRefusedException($"There is no deck '{deckKey}'.");
        }

        await EnrolAsync(userId, deckId, cancellationToken);
    }

    /// <summary>Enrols a user in a deck; enrolling twice is harmless.</summary>
    public async Task EnrolAsync(ulong userId, int deckId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Enrolments.AnyAsync(e => e.UserId == userId && e.DeckId == deckId, cancellationToken))
        {
            return;
        }
        db.Enrolments.Add(new Enrolment { UserId = userId, DeckId = deckId, EnrolledUtc = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have enrolled the user at the same moment: then the outcome is the one asked for.
            if (!await IsEnrolledAsync(userId, deckId, cancellationToken))
            {
                throw;
            }
        }
    }

    public async Task<UserSettings> GetSettingsAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken) ?? new UserSettings { UserId = userId };
    }

    public async Task SaveSettingsAsync(UserSettings settings, CancellationToken cancellationToken = default)
    {
        Validate(settings);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exists = await db.UserSettings.AnyAsync(s => s.UserId == settings.UserId, cancellationToken);
        if (exists)
        {
            db.UserSettings.Update(settings);
        }
        else
        {
            db.UserSettings.Add(settings);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> IsEnrolledAsync(ulong userId, int deckId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Enrolments.AnyAsync(e => e.UserId == userId && e.DeckId == deckId, cancellationToken);
    }

    private static void Validate(UserSettings settings)
    {
        if (!UserZones.IsKnown(settings.TimeZone))
        {
            throw new StoreRefusedException($"'{settings.TimeZone}' is not a known time zone; use an IANA name such as Europe/Berlin.");
        }
        if (settings.DayStartHour is < 0 or > 23)
        {
            throw new StoreRefusedException($"The day start hour must be 0-23, not {settings.DayStartHour}.");
        }
        if (settings.NewPerDay < 0 || settings.ReviewsPerDay < 0)
        {
            throw new StoreRefusedException("Daily limits cannot be negative.");
        }
        if (settings.DesiredRetention is < 0.7 or >= 1)
        {
            throw new StoreRefusedException($"Desired retention must be at least 0.7 and below 1, not {settings.DesiredRetention}.");
        }
        if (settings.ExamTarget is < 0.7 or > 0.99)
        {
            throw new StoreRefusedException($"The exam target must be between 0.7 and 0.99 (the recall to reach on an exam day), not {settings.ExamTarget}.");
        }
    }
}
