using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>
/// One read of a student's study day in the decks asked for, decided by <see cref="StudyQueues"/>:
/// the card to study now (none when nothing is due now), what is left today, and when the next
/// learning card comes back after now (today; null when none does).
/// </summary>
public sealed record StudyToday(StudyCard? Next, DueCounts Left, DateTime? NextLearningDueUtc)
{
    public static StudyToday Nothing { get; } = new(null, DueCounts.None, null);
}

public sealed partial class ReviewEngine
{
    /// <summary>The next card in the user's enrolled decks (or in the enrolled deck with this key).</summary>
    public async Task<StudyCard?> NextCardAsync(ulong userId, string? deckKey, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var deckIds = await db.Decks.Where(d => deckKey == null || d.Key == deckKey).Select(d => d.Id).ToListAsync(cancellationToken);
        return (await TodayAsync(db, userId, deckIds, nowUtc, withCard: true, cancellationToken)).Next;
    }

    /// <summary>
    /// The next card for a user among <paramref name="deckIds"/> they are enrolled in (retired decks
    /// are skipped), by <see cref="StudyQueues"/>: learning cards due now, then reviews due before
    /// the end of the user's study day, then new cards within the daily limit (interleaved across
    /// each deck's notes); a card whose sibling was answered this study day waits, and so does a
    /// card that shows the answer of a card answered today or whose answer that card showed.
    /// Null when nothing is due now.
    /// </summary>
    public async Task<StudyCard?> NextCardAmongAsync(ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken = default)
        => (await StudyTodayAsync(userId, deckIds, nowUtc, cancellationToken)).Next;

    /// <summary>The next card, what is left today and when the next learning card comes back, from one read (<see cref="StudyToday"/>).</summary>
    public async Task<StudyToday> StudyTodayAsync(ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await TodayAsync(db, userId, deckIds, nowUtc, withCard: true, cancellationToken);
    }

    /// <summary>
    /// What is left today among <paramref name="deckIds"/> the user joined: new, learning and review
    /// cards, the one count the review screen, <c>/stats</c>, reminders and <c>/remind show</c> show.
    /// </summary>
    public async Task<DueCounts> DueCountAsync(ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await TodayAsync(db, userId, deckIds, nowUtc, withCard: false, cancellationToken)).Left;
    }

    private async Task<StudyToday> TodayAsync(StudyDbContext db, ulong userId, IReadOnlyCollection<int> deckIds, DateTime nowUtc, bool withCard, CancellationToken cancellationToken)
    {
        if (await ReadQueuesAsync(db, userId, deckIds, nowUtc, cancellationToken) is not { } read)
        {
            return StudyToday.Nothing;
        }
        var (queues, cards) = read;
        var left = queues.Count(cards);
        var nextLearning = queues.NextLearningDue(cards, nowUtc);
        if (!withCard || queues.Next(cards, nowUtc) is not { } choice)
        {
            return new StudyToday(null, left, nextLearning);
        }
        var chosen = await db.Cards.Include(c => c.Deck).SingleAsync(c => c.Id == choice.CardId, cancellationToken);
        var memory = await db.CardStates
            .Where(s => s.UserId == userId && s.CardId == choice.CardId)
            .Select(s => s.Memory)
            .FirstOrDefaultAsync(cancellationToken);
        var card = new StudyCard(choice.CardId, chosen.Deck!.Key, chosen.ToDeckCard(), choice.Queue, memory?.ToFsrs(), queues.Day, queues.Usage);
        return new StudyToday(card, left, nextLearning);
    }

    /// <summary>
    /// The queue rules of the user's day and the cards they decide over: the user's enrolled, live
    /// decks among <paramref name="candidates"/>, their studied cards due today (or still new), and
    /// their cards never studied. Null when the user joined none of the decks.
    /// </summary>
    private async Task<(StudyQueues Queues, List<QueueCard> Cards)?> ReadQueuesAsync(StudyDbContext db, ulong userId, IReadOnlyCollection<int> candidates, DateTime nowUtc, CancellationToken cancellationToken)
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
            select new AnsweredToday(log.CardId, card.DeckId, card.NoteKey, log.Before.State)).ToListAsync(cancellationToken);
        var queues = new StudyQueues(day, limits, today, deckRelations);

        // Studied cards past the day's horizon are in no queue today; cards never studied have no state row.
        var horizon = queues.Horizon;
        var cards = await db.CardStates
            .Where(s => s.UserId == userId && !s.Card!.Retired && deckIds.Contains(s.Card.DeckId)
                && (s.Memory.State == CardState.New || s.Memory.Due < horizon))
            .Select(s => new QueueCard(s.CardId, s.Card!.DeckId, s.Card.NoteKey, s.Memory.State, s.Memory.Due, s.Memory.Suspended))
            .ToListAsync(cancellationToken);
        cards.AddRange(await db.Cards
            .Where(c => deckIds.Contains(c.DeckId) && !c.Retired && !db.CardStates.Any(s => s.UserId == userId && s.CardId == c.Id))
            .Select(c => new QueueCard(c.Id, c.DeckId, c.NoteKey, CardState.New, null, false))
            .ToListAsync(cancellationToken));
        var paced = await WithExamPaceAsync(db, limits, settings, day, deckIds, cards, today, nowUtc, cancellationToken);
        return (paced == limits ? queues : new StudyQueues(day, paced, today, deckRelations), cards);
    }
}
