using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

public sealed partial class ReviewEngine
{
    /// <summary>
    /// The next card for a user in their enrolled decks (or in one of them): learning cards due now,
    /// then reviews due before the end of the user's study day, then new cards within the daily
    /// limit; a card whose sibling was answered this study day waits. Null when nothing is left today.
    /// </summary>
    public async Task<StudyCard?> NextCardAsync(ulong userId, string? deckKey, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var settings = await _settings(db, userId) ?? _defaults;
        var day = StudyDay.Containing(nowUtc, UserZones.Find(settings.TimeZone), settings.DayStartHour);
        var limits = new DailyLimits(settings.NewPerDay, settings.ReviewsPerDay);

        var deckIds = await db.Enrolments
            .Where(e => e.UserId == userId)
            .Join(db.Decks, e => e.DeckId, d => d.Id, (e, d) => d)
            .Where(d => deckKey == null || d.Key == deckKey)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        if (deckIds.Count == 0)
        {
            return null;
        }

        var today = await (
            from log in db.ReviewLog
            where log.UserId == userId && log.Kind == ReviewKind.Answer
                && log.ReviewedUtc >= day.StartUtc && log.ReviewedUtc < day.EndUtc
                && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where deckIds.Contains(card.DeckId)
            select new { log.Before.State, card.NoteKey }).ToListAsync(cancellationToken);
        var usage = new DailyUsage(today.Count(t => t.State == CardState.New), today.Count(t => t.State == CardState.Review));
        var buried = SiblingRule.BuriedNotes(today.Select(t => t.NoteKey)).ToList();

        var learning = await db.CardStates
            .Where(s => s.UserId == userId && !s.Memory.Suspended && !s.Card!.Retired && deckIds.Contains(s.Card.DeckId)
                && (s.Memory.State == CardState.Learning || s.Memory.State == CardState.Relearning) && s.Memory.Due <= nowUtc)
            .OrderBy(s => s.Memory.Due)
            .Select(s => (int?)s.CardId)
            .FirstOrDefaultAsync(cancellationToken);
        int? review = null;
        int? fresh = null;
        if (learning is null && usage.ReviewsDone < limits.ReviewsPerDay)
        {
            review = await db.CardStates
                .Where(s => s.UserId == userId && !s.Memory.Suspended && !s.Card!.Retired && deckIds.Contains(s.Card.DeckId)
                    && s.Memory.State == CardState.Review && s.Memory.Due < day.EndUtc
                    && (s.Card.NoteKey == null || !buried.Contains(s.Card.NoteKey)))
                .OrderBy(s => s.Memory.Due)
                .Select(s => (int?)s.CardId)
                .FirstOrDefaultAsync(cancellationToken);
        }
        if (learning is null && review is null && usage.NewIntroduced < limits.NewPerDay)
        {
            fresh = await db.Cards
                .Where(c => deckIds.Contains(c.DeckId) && !c.Retired
                    && (c.NoteKey == null || !buried.Contains(c.NoteKey))
                    && !db.CardStates.Any(s => s.UserId == userId && s.CardId == c.Id && (s.Memory.State != CardState.New || s.Memory.Suspended)))
                .OrderBy(c => c.DeckId).ThenBy(c => c.Ordinal)
                .Select(c => (int?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var queue = StudyQueue.Choose(learning is not null, review is not null, fresh is not null, usage, limits);
        if (queue is not { } kind)
        {
            return null;
        }
        var cardId = (learning ?? review ?? fresh)!.Value;
        var chosen = await db.Cards.Include(c => c.Deck).SingleAsync(c => c.Id == cardId, cancellationToken);
        var memory = await db.CardStates
            .Where(s => s.UserId == userId && s.CardId == cardId)
            .Select(s => s.Memory)
            .FirstOrDefaultAsync(cancellationToken);
        return new StudyCard(cardId, chosen.Deck!.Key, chosen.ToDeckCard(), kind, memory?.ToFsrs(), day, usage);
    }
}
