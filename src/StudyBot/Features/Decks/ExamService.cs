using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Decks;

/// <summary>An exam as listed: its id (for removing it), deck and time.</summary>
public sealed record ExamListing(long Id, string DeckKey, string DeckTitle, DateTime AtUtc, string TimeZone);

/// <summary>
/// Exam dates of a guild's decks (/deck exam, /deck exams, /deck exam-remove): every read and write
/// is scoped to the guild, so an exam id from another server is refused as unknown.
/// </summary>
public sealed class ExamService(StudyDbContext db, DeckService decks, IGuildTimeZones zones, TimeProvider time)
{
    /// <summary>Exams a deck may have ahead at once.</summary>
    public const int MaxPerDeck = 20;

    /// <summary>The time of day an exam starts when none is given.</summary>
    public static readonly TimeOnly DefaultTime = new(9, 0);

    /// <summary>
    /// Sets an exam in the guild's deck at <paramref name="date"/> (YYYY-MM-DD) and <paramref name="timeOfDay"/>
    /// (HH:MM, 09:00 when absent) in the server's time zone. Refuses a date in the past, a malformed
    /// date or time, a deck not in this server, the same exam twice and more than <see cref="MaxPerDeck"/> ahead.
    /// </summary>
    public async Task<ExamListing> AddAsync(ulong guildId, ulong userId, string deckKey, string date, string? timeOfDay, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new RefusalException($"`{date}` is not a date: write it as YYYY-MM-DD, e.g. `2027-01-15`.");
        }
        var at = DefaultTime;
        if (!string.IsNullOrWhiteSpace(timeOfDay) && !TimeOnly.TryParseExact(timeOfDay.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            throw new RefusalException($"`{timeOfDay}` is not a time: write it as HH:MM (24-hour), e.g. `14:30`.");
        }
        var deck = await decks.FindAsync(guildId, deckKey, includeRetired: false, cancellationToken);
        var zoneId = await zones.ZoneOfAsync(guildId, cancellationToken);
        var zone = UserZones.Find(zoneId);
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        // A time a DST change skips is taken an hour later.
        var atUtc = TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
        var now = time.GetUtcNow().UtcDateTime;
        if (atUtc <= now)
        {
            throw new RefusalException($"{day:yyyy-MM-dd} {at:HH\\:mm} ({zoneId}) has passed: an exam date must be in the future.");
        }
        var ahead = await db.ExamDates.Where(x => x.GuildId == guildId && x.DeckId == deck.Id && x.AtUtc > now).Select(x => x.AtUtc).ToListAsync(cancellationToken);
        if (ahead.Contains(atUtc))
        {
            throw new RefusalException($"`{deck.Key}` already has an exam at {day:yyyy-MM-dd} {at:HH\\:mm} ({zoneId}).");
        }
        if (ahead.Count >= MaxPerDeck)
        {
            throw new RefusalException($"`{deck.Key}` has {ahead.Count} exams ahead already (at most {MaxPerDeck}); remove one with `/deck exam-remove` first.");
        }
        var exam = new ExamDate { GuildId = guildId, DeckId = deck.Id, AtUtc = atUtc, SetByUserId = userId, CreatedUtc = now };
        db.ExamDates.Add(exam);
        await db.SaveChangesAsync(cancellationToken);
        return new ExamListing(exam.Id, deck.Key, deck.Title, atUtc, zoneId);
    }

    /// <summary>The guild's exams ahead, soonest first.</summary>
    public async Task<IReadOnlyList<ExamListing>> ListAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var zoneId = await zones.ZoneOfAsync(guildId, cancellationToken);
        var rows = await db.ExamDates
            .Where(x => x.GuildId == guildId && x.AtUtc > now)
            .Join(db.Decks.Where(d => d.GuildId == guildId), x => x.DeckId, d => d.Id, (x, d) => new { x.Id, d.Key, d.Title, x.AtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.AtUtc).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new ExamListing(r.Id, r.Key, r.Title, r.AtUtc, zoneId))];
    }

    /// <summary>Removes the guild's exam with this id; an id of another server's exam is refused as unknown.</summary>
    public async Task<ExamListing> RemoveAsync(ulong guildId, long examId, CancellationToken cancellationToken)
    {
        var row = await db.ExamDates.AsTracking().FirstOrDefaultAsync(x => x.Id == examId && x.GuildId == guildId, cancellationToken)
            ?? throw new RefusalException($"This server has no exam {examId}. `/deck exams` lists them with their ids.");
        var deck = await db.Decks.Where(d => d.Id == row.DeckId && d.GuildId == guildId).Select(d => new { d.Key, d.Title }).FirstAsync(cancellationToken);
        db.ExamDates.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return new ExamListing(row.Id, deck.Key, deck.Title, row.AtUtc, await zones.ZoneOfAsync(guildId, cancellationToken));
    }

    /// <summary>"2027-01-15 09:00 (Europe/Paris)": the exam's time in the server's zone.</summary>
    public static string Describe(ExamListing exam)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(exam.AtUtc, DateTimeKind.Utc), UserZones.Find(exam.TimeZone));
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} ({exam.TimeZone})");
    }
}
