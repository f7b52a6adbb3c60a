using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// Cards that give each other away are kept apart like siblings: a card that shows the answer of a
/// card answered today (or whose answer that card showed) waits for tomorrow, a quiz never draws
/// two of them, and new cards are dealt across the deck's notes.
/// </summary>
public abstract class LeakBuryingTests : DatabaseTests
{
    private const ulong Student = 2211;

    private static DeckCard Year => TestDecks.Basic("kim-took-power-year", "In which year did Kim take power?") with { Answers = ["2011"] };

    private static DeckCard Quote => TestDecks.Basic("kim-first-foreign-meeting", "Whom did Kim meet first abroad?") with
    {
        Answers = ["Xi Jinping"],
        Explanation = "\"his first meeting with a foreign leader since taking power in 2011\"",
    };

    private async Task<(TestDatabase Db, int DeckId)> SetUpAsync(int newPerDay, params DeckCard[] cards)
    {
        var db = await CreateDatabaseAsync();
        var upload = await db.Decks.UploadAsync(TestDecks.Deck("d", cards));
        await db.Students.EnrolAsync(Student, upload.DeckId);
        await db.Students.SaveSettingsAsync(new UserSettings { UserId = Student, NewPerDay = newPerDay });
        return (db, upload.DeckId);
    }

    private static async Task<string> AnswerNextAsync(TestDatabase db, DateTime now)
    {
        var next = await db.Engine.NextCardAsync(Student, null, now) ?? throw new InvalidOperationException($"no card at {now:O}");
        await db.Engine.AnswerAsync(Student, next.CardId, new SelfGrade(Rating.Easy), Guid.NewGuid().ToString("N"), TimeSpan.Zero, ReviewSource.Review, now);
        return next.Card.Id;
    }

    [DataFact]
    public async Task NextCard_ACardShowingTheAnswerOfOneAnsweredToday_WaitsUntilTomorrow()
    {
        var (db, _) = await SetUpAsync(20, Year, TestDecks.Basic("solo"), Quote);
        await using var owned = db;
        var now = Utc.At(2026, 3, 7, 12);

        var first = await AnswerNextAsync(db, now);
        var second = await AnswerNextAsync(db, now);
        var none = await db.Engine.NextCardAsync(Student, null, now);
        var tomorrow = await db.Engine.NextCardAsync(Student, null, Utc.At(2026, 3, 8, 12));

        Assert.Equal(["kim-took-power-year", "solo"], [first, second]);
        Assert.Null(none);
        Assert.Equal("kim-first-foreign-meeting", tomorrow?.Card.Id);
    }

    [DataFact]
    public async Task NextCard_BuryingWorksBothWays_TheCardWhoseAnswerWasShownWaitsToo()
    {
        var (db, _) = await SetUpAsync(20, Quote, TestDecks.Basic("solo"), Year);
        await using var owned = db;
        var now = Utc.At(2026, 3, 7, 12);

        Assert.Equal("kim-first-foreign-meeting", await AnswerNextAsync(db, now));
        Assert.Equal("solo", await AnswerNextAsync(db, now));
        Assert.Null(await db.Engine.NextCardAsync(Student, null, now));
    }

    [DataFact]
    public async Task NextCard_AReviewThatLeaksTodaysCard_IsBuriedLikeASibling()
    {
        var (db, deckId) = await SetUpAsync(20, Year, Quote);
        await using var owned = db;
        var now = Utc.At(2026, 3, 7, 12);
        await db.SetReviewDueAsync(Student, "kim-first-foreign-meeting", now.AddHours(-1));

        var due = await db.Engine.DueCountAsync(Student, [deckId], now);
        var first = await AnswerNextAsync(db, now);
        var after = await db.Engine.NextCardAsync(Student, null, now);

        Assert.Equal(new DueCounts(New: 0, Learning: 0, Review: 1), due); // the new card that the review would give away is not counted
        Assert.Equal("kim-first-foreign-meeting", first);
        Assert.Null(after);
    }

    [DataFact]
    public async Task NewCards_AreDealtAcrossNotes_NotInFileOrder()
    {
        var (db, _) = await SetUpAsync(2,
            TestDecks.Basic("a#c1", noteId: "a"), TestDecks.Basic("a#c2", noteId: "a"), TestDecks.Basic("a#c3", noteId: "a"),
            TestDecks.Basic("b"),
            TestDecks.Basic("c#c1", noteId: "c"), TestDecks.Basic("c#c2", noteId: "c"));
        await using var owned = db;

        var days = new List<string[]>();
        for (var day = 0; day < 3; day++)
        {
            var now = Utc.At(2026, 3, 7 + day, 12);
            days.Add([await AnswerNextAsync(db, now), await AnswerNextAsync(db, now.AddMinutes(1))]);
        }

        // In file order the second day would bring a#c2 before c#c1.
        Assert.Equal([["a#c1", "b"], ["c#c1", "a#c2"], ["c#c2", "a#c3"]], days);
    }

    [DataFact]
    public async Task QuizDraw_NeverTakesTwoSiblingsOrTwoCardsThatLeak_InAnyShuffle()
    {
        var (db, deckId) = await SetUpAsync(20,
            TestDecks.Typed("n#c1", "Yalu") with { NoteId = "n" }, TestDecks.Typed("n#c2", "Tumen") with { NoteId = "n" },
            Year, Quote, TestDecks.Typed("solo", "Paektu"));
        await using var owned = db;
        await using var context = db.NewContext();
        var relations = await db.Services.GetRequiredService<DeckRelationsCache>().ForDeckAsync(context, deckId, CancellationToken.None);
        var ids = await context.Cards.Where(c => c.DeckId == deckId).ToDictionaryAsync(c => c.Key, c => c.Id);

        Assert.Equal(1, relations.LeakPairs);
        Assert.True(relations.KeptApart(ids["n#c1"], ids["n#c2"]));
        Assert.True(relations.KeptApart(ids["kim-took-power-year"], ids["kim-first-foreign-meeting"]));
        Assert.False(relations.KeptApart(ids["kim-took-power-year"], ids["solo"]));
        var random = new Random(22);
        for (var i = 0; i < 50; i++)
        {
            var shuffled = ids.Values.ToArray();
            random.Shuffle(shuffled);

            var drawn = relations.Draw(shuffled, 5);

            Assert.Equal(3, drawn.Count); // one of the note, one of the leaking pair, and solo
            Assert.DoesNotContain(drawn, a => drawn.Any(b => relations.KeptApart(a, b)));
        }
    }

    [DataFact]
    public async Task Relations_FollowTheDeck_AReuploadWithoutTheLeakFreesThePair()
    {
        var (db, deckId) = await SetUpAsync(20, Year, Quote);
        await using var owned = db;
        var cache = db.Services.GetRequiredService<DeckRelationsCache>();
        await using var context = db.NewContext();

        var before = await cache.ForDeckAsync(context, deckId, CancellationToken.None);
        await db.Decks.UploadAsync(TestDecks.Deck("d", Year, Quote with { Explanation = "\"his first meeting with a foreign leader\"" }));
        var after = await cache.ForDeckAsync(context, deckId, CancellationToken.None);

        Assert.Equal(1, before.LeakPairs);
        Assert.Equal(0, after.LeakPairs);
    }
}

public sealed class LeakBuryingTestsOnSqlite : LeakBuryingTests;

public sealed class LeakBuryingTestsOnPostgres : LeakBuryingTests, IOnPostgres;
