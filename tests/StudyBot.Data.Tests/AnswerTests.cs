using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

public abstract class AnswerTests : DatabaseTests
{
    private const ulong Student = 1001;

    [DataFact]
    public async Task AnswerAsync_NewCard_SavesStateAndLogInOneGo()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Typed("capital", "Pyongyang")));
        var cardId = await db.CardIdAsync("d", "capital");
        var now = Utc.At(2026, 3, 2, 12);

        var result = await db.Engine.AnswerAsync(Student, cardId, new TypedAnswer("pyongyng"), "i-1", TimeSpan.FromSeconds(4), ReviewSource.Review, now);

        Assert.Equal(Rating.Hard, result.Rating);
        Assert.Equal("Hard because of the spelling: expected Pyongyang", result.Note);
        Assert.Equal(CardState.New, result.Before.State);
        Assert.Equal(new FsrsScheduler().Next(FsrsCard.CreateNew(now), now, Rating.Hard), result.After);
        await using var context = db.NewContext();
        var state = await context.CardStates.SingleAsync();
        Assert.Equal(result.After, state.Memory.ToFsrs());
        Assert.Equal(DateTimeKind.Utc, state.Memory.Due.Kind);
        var log = await context.ReviewLog.SingleAsync();
        Assert.Equal(("pyongyng", 4000, ReviewSource.Review, "i-1"), (log.AnswerText, log.ResponseTimeMs, log.Source, log.InteractionId));
    }

    [DataFact]
    public async Task AnswerAsync_AfterUploadElsewhereChangesAnswer_GradesAgainstNewContent()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Typed("capital", "Pyongyang")));
        var cardId = await db.CardIdAsync("d", "capital");
        var now = Utc.At(2026, 3, 2, 12);
        var first = await db.Engine.AnswerAsync(Student, cardId, new TypedAnswer("Pyongyang"), "i-1", TimeSpan.Zero, ReviewSource.Review, now);

        // Another host (its own services, so no shared memory with this engine) changes the answer.
        await using (var elsewhere = db.BuildServices())
        {
            await elsewhere.GetRequiredService<Stores.DeckStore>().UploadAsync(TestDecks.Deck("d", TestDecks.Typed("capital", "Beijing")));
        }
        var stale = await db.Engine.AnswerAsync(Student, cardId, new TypedAnswer("Pyongyang"), "i-2", TimeSpan.Zero, ReviewSource.Review, now.AddDays(3));
        var fresh = await db.Engine.AnswerAsync(Student, cardId, new TypedAnswer("Beijing"), "i-3", TimeSpan.Zero, ReviewSource.Review, now.AddDays(9));

        Assert.Equal((Rating.Good, Rating.Again, Rating.Good), (first.Rating, stale.Rating, fresh.Rating));
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task AnswerAsync_DoubleClick_GradesOnceAndReturnsFirstResult()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var cardId = await db.CardIdAsync("d", "card-001");
        var now = Utc.At(2026, 3, 2, 12);

        var first = await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Good), "click", TimeSpan.Zero, ReviewSource.Review, now);
        var second = await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Easy), "click", TimeSpan.Zero, ReviewSource.Review, now.AddSeconds(1));

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first with { Duplicate = true }, second);
        await using var context = db.NewContext();
        Assert.Equal(1, await context.ReviewLog.CountAsync());
        Assert.Equal(1, (await context.CardStates.SingleAsync()).Memory.Reps);
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task AnswerAsync_SameInteractionInParallel_RecordedOnce()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var cardId = await db.CardIdAsync("d", "card-001");
        var other = db.BuildServices().GetRequiredService<Review.ReviewEngine>();
        var now = Utc.At(2026, 3, 2, 12);

        var results = await Task.WhenAll(
            Task.Run(() => db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Good), "dup", TimeSpan.Zero, ReviewSource.Review, now)),
            Task.Run(() => other.AnswerAsync(Student, cardId, new SelfGrade(Rating.Good), "dup", TimeSpan.Zero, ReviewSource.Review, now)));

        Assert.Equal(results[0].LogId, results[1].LogId);
        Assert.Single(results, r => r.Duplicate);
        await using var context = db.NewContext();
        Assert.Equal(1, await context.ReviewLog.CountAsync());
        await db.AssertVerifiesAsync();
    }

    [DataTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnswerAsync_TwoAnswersSameCardSameMoment_BothAppliedInTurnNothingThrown(bool cardSeenBefore)
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 10));
        var engines = new[] { db.Engine, db.BuildServices().GetRequiredService<Review.ReviewEngine>() };
        var now = Utc.At(2026, 3, 2, 12);
        for (var i = 1; i <= 10; i++)
        {
            var cardId = await db.CardIdAsync("d", $"card-{i:D3}");
            if (cardSeenBefore)
            {
                await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Good), $"warm-{i}", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(-10));
            }
            using var start = new Barrier(2);
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(n => Task.Run(() =>
            {
                start.SignalAndWait();
                return engines[n].AnswerAsync(Student, cardId, new SelfGrade(n == 0 ? Rating.Good : Rating.Again), $"race-{i}-{n}", TimeSpan.Zero, ReviewSource.Review, now);
            })));

            Assert.All(answers, a => Assert.False(a.Duplicate));
            // One went first; the other was applied to the state the first left.
            var (winner, loser) = answers[0].LogId < answers[1].LogId ? (answers[0], answers[1]) : (answers[1], answers[0]);
            Assert.Equal(winner.After, loser.Before);
            await using var context = db.NewContext();
            var state = await context.CardStates.SingleAsync(s => s.CardId == cardId);
            Assert.Equal(loser.After, state.Memory.ToFsrs());
            Assert.Equal(cardSeenBefore ? 3 : 2, state.Memory.Reps);
        }
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task AnswerAsync_UnknownCard_ClearError()
    {
        await using var db = await CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<StoreRefusedException>(() =>
            db.Engine.AnswerAsync(Student, 999, new SelfGrade(Rating.Good), "x", TimeSpan.Zero, ReviewSource.Review, Utc.At(2026, 3, 2, 12)));

        Assert.Contains("no card 999", error.Message);
    }
}

public sealed class AnswerTestsOnSqlite : AnswerTests;

public sealed class AnswerTestsOnPostgres : AnswerTests, IOnPostgres;
