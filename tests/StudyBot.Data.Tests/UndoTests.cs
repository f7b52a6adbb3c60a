using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

public abstract class UndoTests : DatabaseTests
{
    private const ulong Student = 2002;

    [DataFact]
    public async Task UndoAsync_AfterAnswer_RestoresPreviousStateExactlyAndLogsIt()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var cardId = await db.CardIdAsync("d", "card-001");
        var t = Utc.At(2026, 3, 2, 12);
        await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Easy), "a1", TimeSpan.Zero, ReviewSource.Review, t);
        UserCardState before;
        await using (var context = db.NewContext())
        {
            before = await context.CardStates.SingleAsync();
        }
        await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Again), "a2", TimeSpan.Zero, ReviewSource.Review, t.AddDays(9));

        var undo = await db.Engine.UndoAsync(Student, "u1", t.AddDays(9).AddSeconds(5));

        Assert.NotNull(undo);
        await using (var context = db.NewContext())
        {
            var after = await context.CardStates.SingleAsync();
            Assert.Equal(before.Memory, after.Memory);
            var log = await context.ReviewLog.OrderBy(l => l.Id).ToListAsync();
            Assert.Equal([ReviewKind.Answer, ReviewKind.Answer, ReviewKind.Undo], log.Select(l => l.Kind));
            Assert.Equal(log[1].Id, log[2].UndoesId);
            Assert.Equal(log[1].After, log[2].Before);
            Assert.Equal(log[1].Before, log[2].After);
        }
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task UndoAsync_RepeatedClick_UndoesOnce()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 2));
        var t = Utc.At(2026, 3, 2, 12);
        await db.Engine.AnswerAsync(Student, await db.CardIdAsync("d", "card-001"), new SelfGrade(Rating.Good), "a1", TimeSpan.Zero, ReviewSource.Review, t);
        await db.Engine.AnswerAsync(Student, await db.CardIdAsync("d", "card-002"), new SelfGrade(Rating.Good), "a2", TimeSpan.Zero, ReviewSource.Review, t);

        var first = await db.Engine.UndoAsync(Student, "u1", t);
        var again = await db.Engine.UndoAsync(Student, "u1", t);

        Assert.Equal(first!.LogId, again!.LogId);
        Assert.True(again.Duplicate);
        await using var context = db.NewContext();
        Assert.Equal(1, await context.ReviewLog.CountAsync(l => l.Kind == ReviewKind.Undo));
        var untouched = await context.CardStates.SingleAsync(s => s.CardId == first.CardId);
        Assert.Equal(CardState.New, untouched.Memory.State);
    }

    [DataFact]
    public async Task UndoAsync_NewCardUndone_CountsAgainstNoLimitAndComesBack()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        await db.Students.EnrolAsync(Student, "d");
        var t = Utc.At(2026, 3, 2, 12);
        var card = await db.Engine.NextCardAsync(Student, null, t);
        await db.Engine.AnswerAsync(Student, card!.CardId, new SelfGrade(Rating.Easy), "a1", TimeSpan.Zero, ReviewSource.Review, t);
        Assert.Null(await db.Engine.NextCardAsync(Student, null, t));

        await db.Engine.UndoAsync(Student, "u1", t);

        var back = await db.Engine.NextCardAsync(Student, null, t);
        Assert.Equal(card.CardId, back?.CardId);
        Assert.Equal(0, back!.Usage.NewIntroduced);
    }

    [DataFact]
    public async Task UndoAsync_NothingAnswered_ReturnsNull()
    {
        await using var db = await CreateDatabaseAsync();

        Assert.Null(await db.Engine.UndoAsync(Student, "u1", Utc.At(2026, 3, 2, 12)));
    }
}

public sealed class UndoTestsOnSqlite : UndoTests;

public sealed class UndoTestsOnPostgres : UndoTests, IOnPostgres;
