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

    [DataFact]
    public async Task UndoAsync_ByLogIdOfAnEarlierCard_UndoesThatAnswerNotTheLastOne()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 2));
        var (one, two) = (await db.CardIdAsync("d", "card-001"), await db.CardIdAsync("d", "card-002"));
        var t = Utc.At(2026, 3, 2, 12);
        var clicked = await db.Engine.AnswerAsync(Student, one, new SelfGrade(Rating.Easy), "a1", TimeSpan.Zero, ReviewSource.Review, t);
        var later = await db.Engine.AnswerAsync(Student, two, new SelfGrade(Rating.Good), "a2", TimeSpan.Zero, ReviewSource.Review, t.AddMinutes(1));

        var undo = await db.Engine.UndoAsync(Student, clicked.LogId, "u1", t.AddMinutes(2));

        Assert.Equal((clicked.LogId, one), (undo.UndoneLogId, undo.CardId));
        await using var context = db.NewContext();
        Assert.Equal(CardState.New, (await context.CardStates.SingleAsync(s => s.CardId == one)).Memory.State);
        Assert.Equal(later.After.Due, (await context.CardStates.SingleAsync(s => s.CardId == two)).Memory.Due);
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task UndoAsync_KeyAnotherStudentAlreadyUsed_RefusedWithoutShowingTheirCard()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var card = await db.CardIdAsync("d", "card-001");
        var t = Utc.At(2026, 3, 2, 12);
        var theirs = await db.Engine.AnswerAsync(Student, card, new SelfGrade(Rating.Again), "a1", TimeSpan.Zero, ReviewSource.Review, t);
        await db.Engine.UndoAsync(Student, theirs.LogId, "shared-key", t.AddMinutes(1));
        const ulong other = Student + 1;

        // The same key from another student: by log id, and as "undo my last answer".
        var byLog = await Assert.ThrowsAsync<StoreRefusedException>(() => db.Engine.UndoAsync(other, theirs.LogId, "shared-key", t.AddMinutes(2)));
        var last = await Assert.ThrowsAsync<StoreRefusedException>(() => db.Engine.UndoAsync(other, "shared-key", t.AddMinutes(2)));

        Assert.All(new[] { byLog, last }, e => Assert.Contains("no such answer of yours", e.Message));
        await using var context = db.NewContext();
        Assert.Equal(1, await context.ReviewLog.CountAsync(l => l.Kind == ReviewKind.Undo));
    }

    [DataFact]
    public async Task UndoAsync_CardAnsweredSince_RefusedAndSaysWhy()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var card = await db.CardIdAsync("d", "card-001");
        var t = Utc.At(2026, 3, 2, 12);
        var old = await db.Engine.AnswerAsync(Student, card, new SelfGrade(Rating.Again), "a1", TimeSpan.Zero, ReviewSource.Review, t);
        await db.Engine.AnswerAsync(Student, card, new SelfGrade(Rating.Good), "a2", TimeSpan.Zero, ReviewSource.Review, t.AddMinutes(5));

        var refused = await Assert.ThrowsAsync<StoreRefusedException>(() => db.Engine.UndoAsync(Student, old.LogId, "u1", t.AddMinutes(6)));

        Assert.Contains("answered this card again since", refused.Message);
        await using var context = db.NewContext();
        Assert.Equal(0, await context.ReviewLog.CountAsync(l => l.Kind == ReviewKind.Undo));
    }

    [DataFact]
    public async Task UndoAsync_AlreadyUndoneByAnotherClick_RefusedButTheSameClickRepeats()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var card = await db.CardIdAsync("d", "card-001");
        var t = Utc.At(2026, 3, 2, 12);
        var answer = await db.Engine.AnswerAsync(Student, card, new SelfGrade(Rating.Good), "a1", TimeSpan.Zero, ReviewSource.Review, t);
        var first = await db.Engine.UndoAsync(Student, answer.LogId, "u1", t);

        var repeated = await db.Engine.UndoAsync(Student, answer.LogId, "u1", t);
        var other = await Assert.ThrowsAsync<StoreRefusedException>(() => db.Engine.UndoAsync(Student, answer.LogId, "u2", t));
        var notYours = await Assert.ThrowsAsync<StoreRefusedException>(() => db.Engine.UndoAsync(Student + 1, answer.LogId, "u3", t));

        Assert.Equal((first.LogId, true), (repeated.LogId, repeated.Duplicate));
        Assert.Equal("That answer was already undone.", other.Message);
        Assert.Equal("There is no such answer of yours to undo.", notYours.Message);
        await using var context = db.NewContext();
        Assert.Equal(1, await context.ReviewLog.CountAsync(l => l.Kind == ReviewKind.Undo));
    }
}

public sealed class UndoTestsOnSqlite : UndoTests;

public sealed class UndoTestsOnPostgres : UndoTests, IOnPostgres;
