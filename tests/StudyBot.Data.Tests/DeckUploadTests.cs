using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

public abstract class DeckUploadTests : DatabaseTests
{
    private const ulong Student = 3003;

    [DataFact]
    public async Task UploadAsync_NewVersion_KeepsProgressAddsNewRetiresRemoved()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("a"), TestDecks.Basic("b"), TestDecks.Basic("c")));
        await db.Students.EnrolAsync(Student, "d");
        var t = Utc.At(2026, 3, 2, 12);
        var a = await db.CardIdAsync("d", "a");
        var b = await db.CardIdAsync("d", "b");
        await db.Engine.AnswerAsync(Student, a, new SelfGrade(Rating.Easy), "1", TimeSpan.Zero, ReviewSource.Review, t);
        await db.Engine.AnswerAsync(Student, b, new SelfGrade(Rating.Easy), "2", TimeSpan.Zero, ReviewSource.Review, t);

        var result = await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("a", "Reworded question?"), TestDecks.Basic("c"), TestDecks.Basic("d")));

        Assert.Equal(new DeckUploadResult("d", result.DeckId, 2, Added: 1, Changed: 1, Unchanged: 1, Retired: 1, Restored: 0), result);
        await using var context = db.NewContext();
        var cards = await context.Cards.OrderBy(c => c.Key).ToListAsync();
        Assert.Equal(["a", "b", "c", "d"], cards.Select(c => c.Key));
        Assert.Equal(a, cards[0].Id);
        Assert.Equal("Reworded question?", cards[0].Prompt);
        Assert.True(cards[1].Retired);
        Assert.Equal(2, cards[1].RetiredInVersion);
        var progress = await context.CardStates.SingleAsync(s => s.CardId == a);
        Assert.Equal(CardState.Review, progress.Memory.State);
        Assert.Equal(2, await context.ReviewLog.CountAsync());
        await db.AssertVerifiesAsync();

        // The retired card is never offered, even once due.
        var later = t.AddDays(400);
        var seen = new List<string>();
        for (var i = 0; i < 10 && await db.Engine.NextCardAsync(Student, null, later) is { } next; i++)
        {
            seen.Add(next.Card.Id);
            await db.Engine.AnswerAsync(Student, next.CardId, new SelfGrade(Rating.Easy), $"later-{i}", TimeSpan.Zero, ReviewSource.Review, later);
        }
        Assert.Equal(["a", "c", "d"], seen.Order());
    }

    [DataFact]
    public async Task UploadAsync_RetiredCardBack_RestoredWithProgress()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("a"), TestDecks.Basic("b")));
        var b = await db.CardIdAsync("d", "b");
        await db.Engine.AnswerAsync(Student, b, new SelfGrade(Rating.Easy), "1", TimeSpan.Zero, ReviewSource.Review, Utc.At(2026, 3, 2, 12));
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("a")));

        var result = await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("a"), TestDecks.Basic("b")));

        Assert.Equal((3, 1, 0), (result.Version, result.Restored, result.Added));
        await using var context = db.NewContext();
        Assert.False((await context.Cards.SingleAsync(c => c.Id == b)).Retired);
        Assert.Equal(1, (await context.CardStates.SingleAsync(s => s.CardId == b)).Memory.Reps);
    }

    [DataFact]
    public async Task UploadAsync_FailsWhileWriting_ChangesNothing()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("a"), TestDecks.Basic("b")));
        var snapshot = await SnapshotAsync(db);
        // A card without a prompt passes the model's checks but breaks a NOT NULL column mid-save.
        var broken = TestDecks.Deck("d", TestDecks.Basic("a", "Changed?"), TestDecks.Basic("new-1"), TestDecks.Basic("new-2") with { Prompt = null! });

        var error = await Assert.ThrowsAsync<DeckUploadException>(() => db.Decks.UploadAsync(broken));

        Assert.Contains("nothing was changed", error.Message);
        Assert.Equal(snapshot, await SnapshotAsync(db));
    }

    [DataFact]
    public async Task UploadAsync_DuplicateCardIds_RefusedWithCardId()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("a")));
        var snapshot = await SnapshotAsync(db);

        var error = await Assert.ThrowsAsync<DeckUploadException>(() => db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Basic("x"), TestDecks.Basic("x"))));

        Assert.Contains("'x'", error.Message);
        Assert.Equal(snapshot, await SnapshotAsync(db));
    }

    private static async Task<string> SnapshotAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        var decks = await context.Decks.Select(d => $"{d.Key}:{d.CurrentVersion}:{d.Title}").ToListAsync();
        var versions = await context.DeckVersions.CountAsync();
        var cards = await context.Cards.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Key}:{c.Prompt}:{c.Retired}").ToListAsync();
        return string.Join("|", decks) + $"#{versions}#" + string.Join("|", cards);
    }
}

public sealed class DeckUploadTestsOnSqlite : DeckUploadTests;

public sealed class DeckUploadTestsOnPostgres : DeckUploadTests, IOnPostgres;
