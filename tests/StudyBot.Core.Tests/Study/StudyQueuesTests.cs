using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;

namespace StudyBot.Core.Tests.Study;

public sealed class StudyQueuesTests
{
    // A UTC student whose day starts at 04:00: the day of Now runs from 7 March 04:00 to 8 March 04:00 (Now + 16 h).
    private static readonly DateTime _now = new(2026, 3, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly StudyDay _day = StudyDay.Containing(_now, TimeZoneInfo.Utc, 4);
    private static readonly IReadOnlyDictionary<int, DeckRelations> _noRelations = new Dictionary<int, DeckRelations>();

    private static StudyQueues Queues(DailyLimits? limits = null, IEnumerable<AnsweredToday>? answered = null, IReadOnlyDictionary<int, DeckRelations>? relations = null)
        => new(_day, limits ?? new DailyLimits(20, 200), answered ?? [], relations ?? _noRelations);

    private static QueueCard Fresh(int id, string? note = null, int deck = 1) => new(id, deck, note, CardState.New, null);

    private static QueueCard Studied(int id, CardState state, double dueInHours, string? note = null, bool suspended = false, int deck = 1)
        => new(id, deck, note, state, _now.AddHours(dueInHours), suspended);

    /// <summary>One card on its own: the queue it is counted in today (or none), and whether /review draws it now.</summary>
    [Theory]
    [InlineData(CardState.New, null, false, "new", true)]
    [InlineData(CardState.Learning, -0.1, false, "learning", true)]
    [InlineData(CardState.Learning, 0.0, false, "learning", true)]
    [InlineData(CardState.Learning, 0.1, false, "learning", false)] // comes back later today: counted, not drawn yet
    [InlineData(CardState.Relearning, 15.9, false, "learning", false)]
    [InlineData(CardState.Relearning, 16.0, false, "none", false)] // due when the next day starts
    [InlineData(CardState.Learning, -1.0, true, "none", false)]
    [InlineData(CardState.Review, -48.0, false, "review", true)]
    [InlineData(CardState.Review, 15.9, false, "review", true)] // due before the day ends: today's review
    [InlineData(CardState.Review, 16.0, false, "none", false)]
    [InlineData(CardState.Review, -1.0, true, "none", false)]
    [InlineData(CardState.New, 0.0, true, "none", false)]
    public void CountAndNext_OneCard_CountedInItsQueueAndDrawnWhenDue(CardState state, double? dueInHours, bool suspended, string counted, bool drawn)
    {
        var card = dueInHours is { } hours ? Studied(7, state, hours, suspended: suspended) : Fresh(7) with { Suspended = suspended };
        var queues = Queues();

        var counts = queues.Count([card]);
        var next = queues.Next([card], _now);

        var expected = counted switch
        {
            "new" => new DueCounts(1, 0, 0),
            "learning" => new DueCounts(0, 1, 0),
            "review" => new DueCounts(0, 0, 1),
            _ => DueCounts.None,
        };
        Assert.Equal(expected, counts);
        Assert.Equal(drawn, next is not null);
    }

    [Theory]
    [InlineData(5, 4, 3, 3, 0, 0, 3, 3)]
    [InlineData(5, 4, 3, 3, 1, 2, 2, 1)]
    [InlineData(5, 4, 3, 3, 3, 3, 0, 0)]
    [InlineData(2, 1, 3, 3, 0, 0, 2, 1)]
    [InlineData(5, 4, 3, 3, 5, 9, 0, 0)] // over the limits (lowered since): nothing, never negative
    public void Count_DailyLimits_CapNewAndReviewsButNotLearning(int newCards, int reviews, int newPerDay, int reviewsPerDay, int newDone, int reviewsDone, int expectedNew, int expectedReviews)
    {
        var answered = Enumerable.Range(1000, newDone).Select(i => new AnsweredToday(i, 1, null, CardState.New))
            .Concat(Enumerable.Range(2000, reviewsDone).Select(i => new AnsweredToday(i, 1, null, CardState.Review)));
        var cards = Enumerable.Range(1, newCards).Select(i => Fresh(i))
            .Concat(Enumerable.Range(100, reviews).Select(i => Studied(i, CardState.Review, -i)))
            .Append(Studied(500, CardState.Learning, 1))
            .ToList();

        var counts = Queues(new DailyLimits(newPerDay, reviewsPerDay), answered).Count(cards);

        Assert.Equal(new DueCounts(expectedNew, 1, expectedReviews), counts);
    }

    [Theory]
    [InlineData(true, true, true, 0, 0, QueueKind.Learning)]
    [InlineData(true, false, false, 5, 5, QueueKind.Learning)]
    [InlineData(false, true, true, 0, 0, QueueKind.Review)]
    [InlineData(false, true, true, 0, 3, QueueKind.New)]
    [InlineData(false, false, true, 1, 0, QueueKind.New)]
    [InlineData(false, false, true, 2, 0, null)]
    [InlineData(false, true, false, 0, 3, null)]
    [InlineData(false, false, false, 0, 0, null)]
    public void Choose_Candidates_FollowsPriorityAndLimits(bool learning, bool review, bool fresh, int newDone, int reviewsDone, QueueKind? expected)
    {
        var answered = Enumerable.Range(0, newDone).Select(i => new AnsweredToday(i, 1, null, CardState.New))
            .Concat(Enumerable.Range(100, reviewsDone).Select(i => new AnsweredToday(i, 1, null, CardState.Review)));

        Assert.Equal(expected, Queues(new DailyLimits(2, 3), answered).Choose(learning, review, fresh));
    }

    [Fact]
    public void Next_Order_LearningDueFirstThenEarliestReviewThenFirstNewByDeckAndRank()
    {
        var relations = new Dictionary<int, DeckRelations> { [2] = Relations((30, Basic("a")), (31, Basic("b"))) };
        var cards = new List<QueueCard> { Fresh(31, deck: 2), Fresh(30, deck: 2), Fresh(40, deck: 3), Studied(20, CardState.Review, -1), Studied(21, CardState.Review, -5), Studied(10, CardState.Learning, -0.5), Studied(11, CardState.Learning, -2), Studied(12, CardState.Learning, 0.5) };
        var queues = Queues(relations: relations);

        var order = new List<int>();
        while (queues.Next(cards, _now) is { } next)
        {
            order.Add(next.CardId);
            cards.RemoveAll(c => c.CardId == next.CardId);
        }

        Assert.Equal([11, 10, 21, 20, 30, 31, 40], order);
    }

    [Fact]
    public void CountAndNext_SiblingAnsweredToday_BuriesReviewsAndNewCardsButNeverLearning()
    {
        var queues = Queues(answered: [new AnsweredToday(1, 1, "n1", CardState.New)]);
        var cards = new[] { Fresh(2, "n1"), Studied(3, CardState.Review, -3, "n1"), Studied(4, CardState.Learning, -1, "n1"), Fresh(5, "n2"), Fresh(6, "n2"), Fresh(7) };

        Assert.Equal(new DueCounts(2, 1, 0), queues.Count(cards)); // n2 once, the lone card; the learning sibling runs on time
        Assert.Equal(new QueueChoice(4, QueueKind.Learning), queues.Next(cards, _now));
        Assert.Equal(new QueueChoice(5, QueueKind.New), queues.Next(cards.Where(c => c.CardId != 4), _now));
    }

    [Fact]
    public void CountAndNext_LeakPartnerAnsweredToday_WaitsLikeASibling()
    {
        var relations = new Dictionary<int, DeckRelations> { [1] = LeakDeck() };
        var queues = Queues(answered: [new AnsweredToday(1, 1, null, CardState.New)], relations: relations);
        var cards = new[] { Fresh(2), Fresh(3) };

        Assert.Equal(new[] { 2 }, queues.LeakedCards);
        Assert.Equal(new DueCounts(1, 0, 0), queues.Count(cards));
        Assert.Equal(3, queues.Next(cards, _now)?.CardId);
        Assert.Null(queues.Next([Fresh(2)], _now));
    }

    [Fact]
    public void Count_TwoCardsThatLeakNoneAnswered_CountsOneAsTheDayWouldTakeThem()
    {
        var relations = new Dictionary<int, DeckRelations> { [1] = LeakDeck() };
        var queues = Queues(relations: relations);

        // The review whose answer the new card shows is taken first; the new card waits for tomorrow.
        Assert.Equal(new DueCounts(1, 0, 1), queues.Count([Studied(1, CardState.Review, -1), Fresh(2), Fresh(3)]));
        Assert.Equal(new DueCounts(2, 0, 0), queues.Count([Fresh(1), Fresh(2), Fresh(3)]));
    }

    /// <summary>
    /// The count is what the draws deliver: on random decks (notes shared by several cards, reviews
    /// due at random times, some suspended, random limits and answers already given), answering the
    /// drawn card until none is left takes exactly as many reviews and new cards as were counted.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Count_RandomDay_EqualsTheCardsDrawnUntilNoneIsLeft(int seed)
    {
        var random = new Random(seed);
        var cards = new List<QueueCard>();
        for (var id = 1; id <= 60; id++)
        {
            var note = random.Next(3) == 0 ? null : $"n{random.Next(25)}";
            var deck = 1 + random.Next(2);
            cards.Add(random.Next(3) switch
            {
                0 => Fresh(id, note, deck) with { Suspended = random.Next(10) == 0 },
                _ => Studied(id, CardState.Review, random.Next(-72, 40), note, random.Next(10) == 0, deck),
            });
        }
        var answered = new List<AnsweredToday>();
        for (var i = 0; i < random.Next(4); i++)
        {
            answered.Add(new AnsweredToday(100 + i, 1, $"n{random.Next(25)}", random.Next(2) == 0 ? CardState.New : CardState.Review));
        }
        var limits = new DailyLimits(random.Next(0, 15), random.Next(0, 25));
        var counted = Queues(limits, answered).Count(cards);

        var drawn = new Dictionary<QueueKind, int> { [QueueKind.New] = 0, [QueueKind.Review] = 0, [QueueKind.Learning] = 0 };
        while (Queues(limits, answered).Next(cards, _now) is { } next)
        {
            drawn[next.Queue]++;
            var card = cards.Single(c => c.CardId == next.CardId);
            answered.Add(new AnsweredToday(card.CardId, card.DeckId, card.NoteKey, card.State));
            // Answered Easy: back in some days, out of today's queues.
            cards[cards.IndexOf(card)] = card with { State = CardState.Review, Due = _day.EndUtc.AddDays(3) };
        }

        Assert.Equal(counted, new DueCounts(drawn[QueueKind.New], drawn[QueueKind.Learning], drawn[QueueKind.Review]));
    }

    [Fact]
    public void NextLearningDue_LearningCardsLaterToday_TheEarliestAfterNow()
    {
        var cards = new[] { Studied(1, CardState.Learning, -1), Studied(2, CardState.Learning, 0.5), Studied(3, CardState.Relearning, 0.25), Studied(4, CardState.Learning, 20), Studied(5, CardState.Review, 0.1) };

        Assert.Equal(_now.AddHours(0.25), Queues().NextLearningDue(cards, _now));
        Assert.Null(Queues().NextLearningDue(cards.Take(1), _now));
    }

    private static DeckCard Basic(string id, string prompt = "Which?", string answer = "This.", string? explanation = null)
        => new() { Id = id, Kind = CardKind.Basic, Prompt = prompt, Answers = [answer], Explanation = explanation };

    /// <summary>Card 2's explanation prints card 1's answer; card 3 stands alone.</summary>
    private static DeckRelations LeakDeck() => Relations(
        (1, Basic("took-power", "In which year did Kim take power?", "2011")),
        (2, Basic("first-meeting", "Whom did Kim meet first abroad?", "Xi Jinping", "\"his first meeting with a foreign leader since taking power in 2011\"")),
        (3, Basic("solo", "What river marks the border?", "The Yalu")));

    private static DeckRelations Relations(params (int Id, DeckCard Card)[] cards) => DeckRelations.Of(cards);
}
