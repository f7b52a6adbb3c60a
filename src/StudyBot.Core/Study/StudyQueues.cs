using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Study;

/// <summary>
/// One card of the decks a student studies, as the queues see it: its state for the student
/// (<see cref="CardState.New"/> with no due time for a card never answered), its deck and note.
/// </summary>
public readonly record struct QueueCard(int CardId, int DeckId, string? NoteKey, CardState State, DateTime? Due, bool Suspended = false)
{
    public bool InLearning => State is CardState.Learning or CardState.Relearning;
}

/// <summary>An answer given in the current study day and not undone: what it used of the limits, and what it buries.</summary>
public readonly record struct AnsweredToday(int CardId, int DeckId, string? NoteKey, CardState StateBefore);

/// <summary>
/// What is left to study today, Anki's way: new cards, learning cards (due again today; some
/// later than now) and reviews, counted separately.
/// </summary>
public sealed record DueCounts(int New, int Learning, int Review)
{
    public static DueCounts None { get; } = new(0, 0, 0);

    public int Total => New + Learning + Review;

    /// <summary>The three counts as every screen shows them, e.g. "2 new · 1 learning · 5 to review".</summary>
    public override string ToString() => $"{New} new · {Learning} learning · {Review} to review";

    /// <summary>"Nothing left today.", or the total and the three counts, e.g. "8 left today: 2 new · 1 learning · 5 to review."</summary>
    public string LeftToday() => Total == 0 ? "Nothing left today." : $"{Total} left today: {this}.";
}

/// <summary>The card to study now, and the queue it comes from.</summary>
public readonly record struct QueueChoice(int CardId, QueueKind Queue);

/// <summary>
/// The queue rules of one student's study day, in one place: every count and every draw goes
/// through here, so the review screen, <c>/stats</c>, reminders and <c>/remind show</c> agree with
/// the card <c>/review</c> shows.
/// <list type="bullet">
/// <item>Learning: a card in learning or relearning steps due before the day ends. It is drawn once
/// due (learning cards first: they are mid-step and forget fastest) and counted all day, so a new
/// card answered Again moves from the new count to the learning count. Never buried: steps must
/// run on time.</item>
/// <item>Review: a card in review due before the day ends, while the daily review limit lasts, by
/// due time.</item>
/// <item>New: a card never answered, while the daily new-card limit lasts, deck by deck (lowest id
/// first) in each deck's introduction order (<see cref="NewCardOrder"/>).</item>
/// <item>Kept apart: once a card was answered today, the cards of its note (siblings) and the cards
/// that show its answer or whose answer it shows (leaks, <see cref="DeckRelations"/>) wait for the
/// next day, as reviews and as new cards; and the count takes no two such cards on one day.</item>
/// <item>Suspended cards are in no queue.</item>
/// </list>
/// </summary>
public sealed class StudyQueues
{
    private readonly IReadOnlyDictionary<int, DeckRelations> _relations;
    private readonly HashSet<string> _buriedNotes = new(StringComparer.Ordinal);
    private readonly HashSet<int> _leaked = [];

    /// <param name="day">The student's study day.</param>
    /// <param name="limits">The student's daily limits.</param>
    /// <param name="answeredToday">The day's answers that were not undone, in the student's decks.</param>
    /// <param name="relations">Each deck's relations (by deck id); a deck without an entry keeps nothing apart but siblings.</param>
    public StudyQueues(StudyDay day, DailyLimits limits, IEnumerable<AnsweredToday> answeredToday, IReadOnlyDictionary<int, DeckRelations> relations)
    {
        Day = day;
        Limits = limits;
        _relations = relations;
        int fresh = 0, reviews = 0;
        foreach (var answer in answeredToday)
        {
            fresh += answer.StateBefore == CardState.New ? 1 : 0;
            reviews += answer.StateBefore == CardState.Review ? 1 : 0;
            if (answer.NoteKey is { } note)
            {
                _buriedNotes.Add(note);
            }
            _leaked.UnionWith(LeaksOf(answer.DeckId, answer.CardId));
        }
        Usage = new DailyUsage(fresh, reviews);
    }

    public StudyDay Day { get; }

    public DailyLimits Limits { get; }

    /// <summary>New cards introduced and reviews done today.</summary>
    public DailyUsage Usage { get; }

    /// <summary>
    /// Cards due at or after this instant are in no queue today: a store may leave out such
    /// studied cards before asking (never-answered cards have no due time and are always candidates).
    /// </summary>
    public DateTime Horizon => Day.EndUtc;

    public int NewLeft => Math.Max(0, Limits.NewPerDay - Usage.NewIntroduced);

    public int ReviewsLeft => Math.Max(0, Limits.ReviewsPerDay - Usage.ReviewsDone);

    /// <summary>Notes with a card answered today: their other cards wait for tomorrow.</summary>
    public IReadOnlySet<string> BuriedNotes => _buriedNotes;

    /// <summary>Cards that show the answer of a card answered today, or whose answer it showed.</summary>
    public IReadOnlySet<int> LeakedCards => _leaked;

    /// <summary>A learning card counted today (due before the day ends), whether due yet or not.</summary>
    public bool IsLearningToday(QueueCard card) => card.InLearning && !card.Suspended && card.Due < Day.EndUtc;

    /// <summary>A learning card that can be drawn now.</summary>
    public bool IsLearningDue(QueueCard card, DateTime nowUtc) => IsLearningToday(card) && card.Due <= nowUtc;

    /// <summary>A review due today that nothing answered today buries (the review limit aside).</summary>
    public bool IsReviewCandidate(QueueCard card) =>
        card.State == CardState.Review && !card.Suspended && card.Due < Day.EndUtc && !IsBuried(card);

    /// <summary>A never-answered card that nothing answered today buries (the new-card limit aside).</summary>
    public bool IsNewCandidate(QueueCard card) => card.State == CardState.New && !card.Suspended && !IsBuried(card);

    /// <summary>Its note had a card answered today, or it leaks to or from a card answered today.</summary>
    public bool IsBuried(QueueCard card) => (card.NoteKey is { } note && _buriedNotes.Contains(note)) || _leaked.Contains(card.CardId);

    /// <summary>The card to study now among <paramref name="cards"/>; null when none is due now (a learning card may still come back later today).</summary>
    public QueueChoice? Next(IEnumerable<QueueCard> cards, DateTime nowUtc)
    {
        QueueCard? learning = null, review = null, fresh = null;
        var freshRank = (Deck: int.MaxValue, Rank: int.MaxValue, Id: int.MaxValue);
        foreach (var card in cards)
        {
            if (IsLearningDue(card, nowUtc))
            {
                learning = Earlier(learning, card);
            }
            else if (IsReviewCandidate(card))
            {
                review = Earlier(review, card);
            }
            else if (IsNewCandidate(card) && (card.DeckId, NewRank(card), card.CardId) is var rank && rank.CompareTo(freshRank) < 0)
            {
                (fresh, freshRank) = (card, rank);
            }
        }
        return Choose(learning is not null, review is not null, fresh is not null) switch
        {
            QueueKind.Learning => new QueueChoice(learning!.Value.CardId, QueueKind.Learning),
            QueueKind.Review => new QueueChoice(review!.Value.CardId, QueueKind.Review),
            QueueKind.New => new QueueChoice(fresh!.Value.CardId, QueueKind.New),
            _ => null,
        };
    }

    /// <summary>
    /// Which queue serves next, given which have a candidate: learning cards due now, then reviews
    /// while the review limit lasts, then new cards while the new-card limit lasts.
    /// </summary>
    public QueueKind? Choose(bool learningDue, bool reviewDue, bool newAvailable)
    {
        if (learningDue)
        {
            return QueueKind.Learning;
        }
        if (reviewDue && ReviewsLeft > 0)
        {
            return QueueKind.Review;
        }
        if (newAvailable && NewLeft > 0)
        {
            return QueueKind.New;
        }
        return null;
    }

    /// <summary>
    /// What is left today among <paramref name="cards"/>, as the day would take them: every learning
    /// card due today; reviews by due time, then new cards in introduction order, each skipped when
    /// kept apart from one answered today or taken before it, up to the day's limits.
    /// </summary>
    public DueCounts Count(IEnumerable<QueueCard> cards)
    {
        var learning = 0;
        var reviews = new List<QueueCard>();
        var fresh = new List<QueueCard>();
        foreach (var card in cards)
        {
            if (IsLearningToday(card))
            {
                learning++;
            }
            else if (IsReviewCandidate(card))
            {
                reviews.Add(card);
            }
            else if (IsNewCandidate(card))
            {
                fresh.Add(card);
            }
        }
        var notes = new HashSet<string>(_buriedNotes, StringComparer.Ordinal);
        var buried = new HashSet<int>(_leaked);
        int Take(IEnumerable<QueueCard> ordered, int limit)
        {
            var taken = 0;
            foreach (var card in ordered)
            {
                if (taken == limit)
                {
                    break;
                }
                if (buried.Contains(card.CardId) || (card.NoteKey is { } note && !notes.Add(note)))
                {
                    continue;
                }
                buried.UnionWith(LeaksOf(card.DeckId, card.CardId));
                taken++;
            }
            return taken;
        }
        var review = Take(reviews.OrderBy(c => c.Due).ThenBy(c => c.CardId), ReviewsLeft);
        var @new = Take(fresh.OrderBy(c => c.DeckId).ThenBy(NewRank).ThenBy(c => c.CardId), NewLeft);
        return new DueCounts(@new, learning, review);
    }

    /// <summary>When the next learning card counted today comes back after <paramref name="nowUtc"/>; null when none does.</summary>
    public DateTime? NextLearningDue(IEnumerable<QueueCard> cards, DateTime nowUtc) =>
        cards.Where(c => IsLearningToday(c) && c.Due > nowUtc).Select(c => c.Due).Min();

    private int NewRank(QueueCard card) => _relations.TryGetValue(card.DeckId, out var relations) ? relations.NewRank(card.CardId) : int.MaxValue;

    private IReadOnlyList<int> LeaksOf(int deckId, int cardId) => _relations.TryGetValue(deckId, out var relations) ? relations.LeaksOf(cardId) : [];

    private static QueueCard Earlier(QueueCard? best, QueueCard card) =>
        best is { } b && (b.Due < card.Due || (b.Due == card.Due && b.CardId < card.CardId)) ? b : card;
}
