using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// What one answer costs in SQL round trips (counted by <see cref="Diagnostics.SqlStatementCounter"/>:
/// every command EF runs, and each transaction begin and commit), and a quiz answer saved with its
/// review in one transaction or not at all.
/// </summary>
public abstract class AnswerPathTests : DatabaseTests
{
    private const ulong Student = 3003;

    [DataFact]
    public async Task AnswerPromptAsync_CardContentCached_OneReadBeginOneWriteCommit()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var card = await db.CardIdAsync("d", "card-001");
        var now = Utc.At(2026, 3, 2, 12);
        // Another student's answer puts the card's content in the engine's cache.
        await db.Engine.AnswerAsync(Student + 1, card, new SelfGrade(Rating.Good), "warm", TimeSpan.Zero, ReviewSource.Review, now);

        db.Statements.Reset();
        var first = await db.Engine.AnswerPromptAsync(Student, card, 0, new SelfGrade(Rating.Again), "p0", TimeSpan.Zero, now);
        AssertStatements(db, commands: 2, begins: 1, commits: 1);

        // The state row exists now: an update instead of an insert, at the same cost.
        db.Statements.Reset();
        var second = await db.Engine.AnswerPromptAsync(Student, card, 1, new SelfGrade(Rating.Good), "p1", TimeSpan.Zero, now.AddMinutes(1));
        AssertStatements(db, commands: 2, begins: 1, commits: 1);

        // A double click is answered from the one read.
        db.Statements.Reset();
        var repeat = await db.Engine.AnswerPromptAsync(Student, card, 1, new SelfGrade(Rating.Easy), "p1", TimeSpan.Zero, now.AddMinutes(2));
        AssertStatements(db, commands: 1, begins: 0, commits: 0);

        Assert.Equal(Rating.Again, first.Rating);
        Assert.Equal((second.LogId, Rating.Good, true), (repeat.LogId, repeat.Rating, repeat.Duplicate));
        Assert.Equal("Deck d", second.Deck!.Title);
        Assert.Equal("card-001", second.Card!.Id);
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task AnswerPromptAsync_PromptAnsweredSince_StaleAndNothingWritten()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var card = await db.CardIdAsync("d", "card-001");
        var now = Utc.At(2026, 3, 2, 12);
        await db.Engine.AnswerPromptAsync(Student, card, 0, new SelfGrade(Rating.Good), "p0", TimeSpan.Zero, now);

        await Assert.ThrowsAsync<StaleAnswerException>(() => db.Engine.AnswerPromptAsync(Student, card, 0, new SelfGrade(Rating.Good), "other-click", TimeSpan.Zero, now));

        await using var context = db.NewContext();
        Assert.Equal(1, await context.ReviewLog.CountAsync());
    }

    [DataFact]
    public async Task AnswerQuizAsync_FirstAnswer_FourStatementsAndSavedWithTheReview()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Typed("capital", "Beijing")));
        var card = await db.CardIdAsync("d", "capital");
        var now = Utc.At(2026, 3, 2, 12);
        var quiz = await OpenQuizAsync(db, card, now);
        await db.Engine.AnswerAsync(Student + 1, card, new TypedAnswer("Beijing"), "warm", TimeSpan.Zero, ReviewSource.Review, now);

        db.Statements.Reset();
        var saved = await db.Engine.AnswerQuizAsync(Student, quiz, new TypedAnswer("Beijing"), "quiz-1", now.AddSeconds(7), (_, _) => new QuizAnswerForm(new TypedAnswer("Beijing"), "Beijing"));
        AssertStatements(db, commands: 2, begins: 1, commits: 1);
        var repeat = await db.Engine.AnswerQuizAsync(Student, quiz, new TypedAnswer("Shanghai"), "quiz-1", now.AddSeconds(9), (_, _) => new QuizAnswerForm(new TypedAnswer("Shanghai"), "Shanghai"));

        Assert.Equal((QuizAnswerStatus.Saved, Rating.Good, "Beijing"), (saved.Status, saved.Rating, saved.AnswerText));
        Assert.Equal((QuizAnswerStatus.Repeated, Rating.Good, "Beijing"), (repeat.Status, repeat.Rating, repeat.AnswerText));
        await using var context = db.NewContext();
        var row = await context.QuizAnswers.SingleAsync();
        var log = await context.ReviewLog.SingleAsync(l => l.UserId == Student);
        Assert.Equal(("quiz-1", "Beijing", ReviewSource.Quiz, 7000), (row.InteractionId, row.AnswerText, log.Source, log.ResponseTimeMs));
        Assert.Equal(saved.Answer!.LogId, log.Id);
    }

    [DataFact]
    public async Task AnswerQuizAsync_AfterTheDeadline_ClosedAndNothingSaved()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Typed("capital", "Beijing")));
        var now = Utc.At(2026, 3, 2, 12);
        var quiz = await OpenQuizAsync(db, await db.CardIdAsync("d", "capital"), now);

        var late = await db.Engine.AnswerQuizAsync(Student, quiz, new TypedAnswer("Beijing"), "late", now.AddMinutes(5), (_, _) => new QuizAnswerForm(new TypedAnswer("Beijing"), "Beijing"));

        Assert.Equal(QuizAnswerStatus.Closed, late.Status);
        await using var context = db.NewContext();
        Assert.Equal((0, 0), (await context.ReviewLog.CountAsync(), await context.QuizAnswers.CountAsync()));
    }

    [DataFact]
    public async Task AnswerAsync_QuizInsertBreaksAConstraint_NoReviewLeftBehindAndTheBatchSaved()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("d", 10);
        var now = Utc.At(2026, 3, 2, 12);
        var queue = db.Engine.Queue;
        queue.Hold();

        // No quiz 999 exists: the quiz row's foreign key refuses it, after the review's own writes ran.
        var bad = db.Engine.AnswerAsync(Student, cards[0], new SelfGrade(Rating.Good), "bad", TimeSpan.Zero, ReviewSource.Quiz, now, new QuizAnswerDraft(999, "x"));
        var good = Enumerable.Range(0, 10)
            .Select(i => db.Engine.AnswerAsync(Student + 1, cards[i], new SelfGrade(Rating.Good), $"good-{i}", TimeSpan.Zero, ReviewSource.Review, now))
            .ToList();
        await Eventually.TrueAsync(() => queue.Queued == 11, "the eleven answers were never queued");
        queue.Release();

        await Assert.ThrowsAsync<StoreRefusedException>(() => bad);
        var results = await Task.WhenAll(good);
        Assert.Equal(10, results.Select(r => r.LogId).Distinct().Count());
        await using var context = db.NewContext();
        Assert.Equal(0, await context.ReviewLog.CountAsync(l => l.UserId == Student));
        Assert.Equal(0, await context.CardStates.CountAsync(s => s.UserId == Student));
        Assert.Equal(10, await context.ReviewLog.CountAsync(l => l.UserId == Student + 1));
        await db.AssertVerifiesAsync();
    }

    private static void AssertStatements(TestDatabase db, int commands, int begins, int commits)
    {
        var seen = string.Join("\n---\n", db.Statements.Recent);
        Assert.True(
            (db.Statements.Commands, db.Statements.Begins, db.Statements.Commits, db.Statements.Rollbacks) == (commands, begins, commits, 0),
            $"expected {commands} commands, {begins} begin, {commits} commit; saw {db.Statements.Commands}, {db.Statements.Begins}, {db.Statements.Commits}, {db.Statements.Rollbacks} rollbacks:\n{seen}");
        Assert.True(db.Statements.Total <= 4, $"{db.Statements.Total} statements for one answer");
    }

    private static async Task<long> OpenQuizAsync(TestDatabase db, int card, DateTime now)
    {
        await using var context = db.NewContext();
        var quiz = new Quiz { GuildId = 1, ChannelId = 2, CardId = card, OpenedUtc = now, ClosesUtc = now.AddSeconds(30) };
        context.Quizzes.Add(quiz);
        await context.SaveChangesAsync();
        return quiz.Id;
    }
}

public sealed class AnswerPathTestsOnSqlite : AnswerPathTests;

public sealed class AnswerPathTestsOnPostgres : AnswerPathTests, IOnPostgres;
