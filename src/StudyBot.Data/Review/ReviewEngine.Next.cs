using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>What a student could study now: the same queues <see cref="ReviewEngine.NextCardAmongAsync"/> draws from.</summary>
public sealed record DueCount(int Learning, int Review, int New)
{
    public int Total => Learning + Review + New;
}

public sealed partial class ReviewEngine
{
    /// <summary>The next card in the user's enrolled decks (or in the enrolled deck with this key).</summary>
    public async Task<StudyCard?> NextCardAsync(ulong userId, string? deckKey, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var deckIds = await db.Decks.Where(d => deckKey == null || d.Key == deckKey).Select(d => d.Id).ToListAsync(cancellationToken);
        return await NextAsync(db, userId, deckIds, nowUtc, cancellationToken);
    }

    /// <summary>
    /// The next card for a user among <paramref name="deckIds"/> they are enrolled in (retired decks
    /// are skipped): learning cards due now, then reviews due before the end of the user's study day,
    /// then new cards within the daily limit (interleaved across each deck's notes); a card whose
    /// sibling was answered this study day waits, and so does a card that shows the answer of a card
    /// answered today or whose answer that card showed.
    /// Null when nothing is left today.
    /// </summary>
    public async Task<StudyCard?> NextCardAmongAsync(ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await NextAsync(db, userId, deckIds, nowUtc, cancellationToken);
    }

    /// <summary>How many cards <see cref="NextCardAmongAsync"/> would offer today, from the same queues and limits.</summary>
    public async Task<DueCount> DueCountAsync(ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        if (await QueuesAsync(db, userId, deckIds, nowUtc, cancellationToken) is not { } queues)
        {
            return new DueCount(0, 0, 0);
        }

        var learning = await queues.Learning.CountAsync(cancellationToken);
        // One card of a note per study day, and never two cards that show each other's answers:
        // answering one buries the others, reviews first, then new cards in their introduction order.
        var reviewsLeft = Math.Max(0, queues.Limits.ReviewsPerDay - queues.Usage.ReviewsDone);
        var apart = new KeptApart(queues.Relations);
        var reviews = (await queues.Review.OrderBy(s => s.Memory.Due).Select(s => new { s.CardId, s.Card!.NoteKey, s.Card.DeckId }).ToListAsync(cancellationToken))
            .Where(c => apart.TryTake(c.CardId, c.DeckId, c.NoteKey))
            .Take(reviewsLeft)
            .Count();
        var newLeft = Math.Max(0, queues.Limits.NewPerDay - queues.Usage.NewIntroduced);
        var fresh = (await queues.New.Select(c => new { c.Id, c.NoteKey, c.DeckId }).ToListAsync(cancellationToken))
            .OrderBy(c => c.DeckId).ThenBy(c => queues.Relations[c.DeckId].NewRank(c.Id))
            .Where(c => apart.TryTake(c.Id, c.DeckId, c.NoteKey))
            .Take(newLeft)
            .Count();
        return new DueCount(learning, reviews, fresh);
    }

    private async Task<StudyCard?> NextAsync(StudyDbContext db, ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await QueuesAsync(db, userId, deckIds, nowUtc, cancellationToken) is not { } queues)
        {
            return null;
        }

        var learning = await queues.Learning.OrderBy(s => s.Memory.Due).Select(s => (int?)s.CardId).FirstOrDefaultAsync(cancellationToken);
        int? review = null;
        int? fresh = null;
        if (learning is null && queues.Usage.ReviewsDone < queues.Limits.ReviewsPerDay)
        {
            review = await queues.Review.OrderBy(s => s.Memory.Due).Select(s => (int?)s.CardId).FirstOrDefaultAsync(cancellationToken);
        }
        if (learning is null && review is null && queues.Usage.NewIntroduced < queues.Limits.NewPerDay)
        {
            fresh = await FirstNewAsync(queues, cancellationToken);
        }

        var queue = StudyQueue.Choose(learning is not null, review is not null, fresh is not null, queues.Usage, queues.Limits);
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
        return new StudyCard(cardId, chosen.Deck!.Key, chosen.ToDeckCard(), kind, memory?.ToFsrs(), queues.Day, queues.Usage);
    }

    /// <summary>
    /// The first new card in the first deck (by id) that has one, in the deck's introduction order
    /// (<see cref="NewCardOrder"/>: interleaved across its notes, not in file order).
    /// </summary>
    private static async Task<int?> FirstNewAsync(Queues queues, CancellationToken cancellationToken)
    {
        var deckId = await queues.New.Select(c => (int?)c.DeckId).MinAsync(cancellationToken);
        if (deckId is not { } deck)
        {
            return null;
        }
        var ids = await queues.New.Where(c => c.DeckId == deck).Select(c => c.Id).ToListAsync(cancellationToken);
        var order = queues.Relations[deck];
        return ids.Count == 0 ? null : ids.MinBy(order.NewRank);
    }

    /// <summary>Counts cards as a study day would take them: none kept apart (<see cref="DeckRelations.KeptApart"/>) from one already taken.</summary>
    private sealed class KeptApart(IReadOnlyDictionary<int, DeckRelations> relations)
    {
        private readonly HashSet<string> _notes = new(StringComparer.Ordinal);
        private readonly HashSet<int> _buried = [];

        public bool TryTake(int cardId, int deckId, string? noteKey)
        {
            if (_buried.Contains(cardId) || (noteKey is not null && !_notes.Add(noteKey)))
            {
                return false;
            }
            _buried.UnionWith(relations[deckId].LeaksOf(cardId));
            return true;
        }
    }

    private sealed record Queues(
        StudyDay Day,
        DailyUsage Usage,
        DailyLimits Limits,
        IQueryable<UserCardState> Learning,
        IQueryable<UserCardState> Review,
        IQueryable<CardRecord> New,
        IReadOnlyDictionary<int, DeckRelations> Relations);

    /// <summary>The three queues over the user's enrolled, live decks among <paramref name="candidates"/>; null when there are none.</summary>
    private async Task<Queues?> QueuesAsync(StudyDbContext db, ulong userId, IReadOnlyCollection<int> candidates, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var settings = await _settings(db, userId) ?? _defaults;
        var day = StudyDay.Containing(nowUtc, UserZones.Find(settings.TimeZone), settings.DayStartHour);
        var limits = new DailyLimits(settings.NewPerDay, settings.ReviewsPerDay);

        var decks = await db.Enrolments
            .Where(e => e.UserId == userId && candidates.Contains(e.DeckId))
            .Join(db.Decks, e => e.DeckId, d => d.Id, (e, d) => d)
            .Where(d => !d.Retired)
            .Select(d => new { d.Id, d.CurrentVersion })
            .ToListAsync(cancellationToken);
        if (decks.Count == 0)
        {
            return null;
        }
        var deckIds = decks.Select(d => d.Id).ToList();
        var deckRelations = new Dictionary<int, DeckRelations>();
        foreach (var deck in decks)
        {
            deckRelations[deck.Id] = await relations.ForDeckAsync(db, deck.Id, deck.CurrentVersion, cancellationToken);
        }

        var today = await (
            from log in db.ReviewLog
            where log.UserId == userId && log.Kind == ReviewKind.Answer
                && log.ReviewedUtc >= day.StartUtc && log.ReviewedUtc < day.EndUtc
                && !db.ReviewLog.Any(u => u.UndoesId == log.Id)
            join card in db.Cards on log.CardId equals card.Id
            where deckIds.Contains(card.DeckId)
            select new { log.Before.State, card.NoteKey, log.CardId, card.DeckId }).ToListAsync(cancellationToken);
        var usage = new DailyUsage(today.Count(t => t.State == CardState.New), today.Count(t => t.State == CardState.Review));
        var buried = SiblingRule.BuriedNotes(today.Select(t => t.NoteKey)).ToList();
        // Cards that show the answer of a card answered today, or whose answer it showed, are buried like siblings.
        var leaked = today.SelectMany(t => deckRelations[t.DeckId].LeaksOf(t.CardId)).Distinct().ToList();

        var learning = db.CardStates
            .Where(s => s.UserId == userId && !s.Memory.Suspended && !s.Card!.Retired && deckIds.Contains(s.Card.DeckId)
                && (s.Memory.State == CardState.Learning || s.Memory.State == CardState.Relearning) && s.Memory.Due <= nowUtc);
        var review = db.CardStates
            .Where(s => s.UserId == userId && !s.Memory.Suspended && !s.Card!.Retired && deckIds.Contains(s.Card.DeckId)
                && s.Memory.State == CardState.Review && s.Memory.Due < day.EndUtc
                && (s.Card.NoteKey == null || !buried.Contains(s.Card.NoteKey))
                && !leaked.Contains(s.CardId));
        var fresh = db.Cards
            .Where(c => deckIds.Contains(c.DeckId) && !c.Retired
                && (c.NoteKey == null || !buried.Contains(c.NoteKey))
                && !leaked.Contains(c.Id)
                && !db.CardStates.Any(s => s.UserId == userId && s.CardId == c.Id && (s.Memory.State != CardState.New || s.Memory.Suspended)));
        return new Queues(day, usage, limits, learning, review, fresh, deckRelations);
    }
}
