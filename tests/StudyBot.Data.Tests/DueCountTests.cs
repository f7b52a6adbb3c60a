using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>The reminder's count and /review's queue are one query: the count is what the queue then offers.</summary>
public abstract class DueCountTests : DatabaseTests
{
    private const ulong Student = 5;

    [DataFact]
    public async Task DueCountAsync_SiblingsAndNewCardLimit_EqualsTheCardsReviewThenOffers()
    {
        await using var db = await CreateDatabaseAsync();
        var upload = await db.Decks.UploadAsync(TestDecks.Deck("d",
            TestDecks.Basic("n1"), TestDecks.Basic("n2a", noteId: "n2"), TestDecks.Basic("n2b", noteId: "n2"), TestDecks.Basic("n3"), TestDecks.Basic("n4")));
        await db.Students.EnrolAsync(Student, upload.DeckId);
        await db.Students.SaveSettingsAsync(new UserSettings { UserId = Student, NewPerDay = 3 });
        var now = Utc.At(2026, 3, 2, 12);

        var count = await db.Engine.DueCountAsync(Student, [upload.DeckId], now);

        var offered = new List<string>();
        for (var i = 0; i < 10 && await db.Engine.NextCardAmongAsync(Student, [upload.DeckId], now) is { } next; i++)
        {
            offered.Add(next.Card.Id);
            await db.Engine.AnswerAsync(Student, next.CardId, new SelfGrade(Rating.Easy), $"a{i}", TimeSpan.Zero, ReviewSource.Review, now);
        }

        Assert.Equal(new DueCounts(New: 3, Learning: 0, Review: 0), count);
        Assert.Equal(["n1", "n2a", "n3"], offered);
        Assert.Equal(0, (await db.Engine.DueCountAsync(Student, [upload.DeckId], now)).Total);
    }

    [DataFact]
    public async Task DueCountAsync_RetiredDeckOrDeckNotJoined_CountsNothingAndOffersNothing()
    {
        await using var db = await CreateDatabaseAsync();
        var joined = await db.Decks.UploadAsync(TestDecks.Numbered("joined", 2), guildId: 1);
        var other = await db.Decks.UploadAsync(TestDecks.Numbered("other", 2), guildId: 1);
        await db.Students.EnrolAsync(Student, joined.DeckId);
        var now = Utc.At(2026, 3, 2, 12);
        Assert.Equal(2, (await db.Engine.DueCountAsync(Student, [joined.DeckId, other.DeckId], now)).Total);

        await using (var context = db.NewContext())
        {
            await context.Decks.Where(d => d.Id == joined.DeckId).ExecuteUpdateAsync(d => d.SetProperty(x => x.Retired, true));
        }

        Assert.Equal(0, (await db.Engine.DueCountAsync(Student, [joined.DeckId, other.DeckId], now)).Total);
        Assert.Null(await db.Engine.NextCardAmongAsync(Student, [joined.DeckId, other.DeckId], now));
    }
}

public sealed class DueCountTestsOnSqlite : DueCountTests;

public sealed class DueCountTestsOnPostgres : DueCountTests, IOnPostgres;
