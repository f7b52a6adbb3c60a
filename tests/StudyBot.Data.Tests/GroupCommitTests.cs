using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>Many answers arriving together share transactions; each still succeeds or fails on its own.</summary>
public abstract class GroupCommitTests : DatabaseTests
{
    [DataFact]
    public async Task AnswerAsync_ManyAtOnceWithDuplicatesAndABadOne_EachSettledAlone()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", [.. Enumerable.Range(1, 5).Select(i => TestDecks.Basic($"b{i}")), TestDecks.Typed("t", "Beijing")]));
        var basic = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => db.CardIdAsync("d", $"b{i}")));
        var typed = await db.CardIdAsync("d", "t");
        var now = Utc.At(2026, 3, 2, 12);

        var calls = new List<Task<AnswerResult>>();
        for (var i = 0; i < 60; i++)
        {
            var user = (ulong)(i % 4 + 1);
            var card = basic[i % basic.Length];
            // Every tenth answer is a double click of the one before.
            var interaction = i % 10 == 9 ? $"i{i - 1}" : $"i{i}";
            var at = now.AddSeconds(i);
            calls.Add(Task.Run(() => db.Engine.AnswerAsync(user, card, new SelfGrade(Rating.Good), interaction, TimeSpan.Zero, ReviewSource.Review, at)));
        }
        var unknown = Task.Run(() => db.Engine.AnswerAsync(1, 9999, new SelfGrade(Rating.Good), "bad-card", TimeSpan.Zero, ReviewSource.Review, now));
        var wrongKind = Task.Run(() => db.Engine.AnswerAsync(1, typed, new SelfGrade(Rating.Easy), "bad-kind", TimeSpan.Zero, ReviewSource.Review, now));

        var results = await Task.WhenAll(calls);
        await Assert.ThrowsAsync<StoreRefusedException>(() => unknown);
        await Assert.ThrowsAsync<ArgumentException>(() => wrongKind);

        Assert.Equal(54, results.Select(r => r.LogId).Distinct().Count());
        await using var context = db.NewContext();
        Assert.Equal(54, await context.ReviewLog.CountAsync());
        Assert.Equal(54, await context.CardStates.SumAsync(s => s.Memory.Reps));
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task AnswerAsync_AnswersQueuedTogether_ShareOneTransaction()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("d", 40);
        var now = Utc.At(2026, 3, 2, 12);
        // The writer is held until all forty are queued: they must go in together.
        var queue = db.Engine.Queue;
        queue.Hold();

        var calls = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            db.Engine.AnswerAsync((ulong)(i % 5 + 1), cards[i], new SelfGrade(Rating.Good), $"g{i}", TimeSpan.Zero, ReviewSource.Review, now))).ToList();
        await Eventually.TrueAsync(() => queue.Queued == 40, "the forty answers were never queued");
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        queue.Release();
        var results = await Task.WhenAll(calls);

        Assert.Equal(40, results.Select(r => r.LogId).Distinct().Count());
        Assert.Equal((1, 40), db.Engine.CommitStats);
        await using var context = db.NewContext();
        Assert.Equal(40, await context.ReviewLog.CountAsync());
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task AnswerAsync_LoneAnswer_WrittenWithoutLingering()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 2));
        var now = Utc.At(2026, 3, 2, 12);

        await db.Engine.AnswerAsync(1, await db.CardIdAsync("d", "card-001"), new SelfGrade(Rating.Good), "one", TimeSpan.Zero, ReviewSource.Review, now);
        await db.Engine.AnswerAsync(1, await db.CardIdAsync("d", "card-002"), new SelfGrade(Rating.Good), "two", TimeSpan.Zero, ReviewSource.Review, now);

        // No other answer was on its way, so no batch waited for one.
        Assert.Equal(0, db.Engine.Queue.Lingers);
        Assert.Equal((2, 1), db.Engine.CommitStats);
    }

    [DataFact]
    public async Task AnswerAsync_DoubleClickInOneBatch_SameResultOneLogEntry()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var card = await db.CardIdAsync("d", "card-001");
        var now = Utc.At(2026, 3, 2, 12);
        var queue = db.Engine.Queue;
        queue.Hold();

        var first = db.Engine.AnswerAsync(1, card, new SelfGrade(Rating.Good), "click", TimeSpan.Zero, ReviewSource.Review, now);
        var second = db.Engine.AnswerAsync(1, card, new SelfGrade(Rating.Again), "click", TimeSpan.Zero, ReviewSource.Review, now);
        await Eventually.TrueAsync(() => queue.Queued == 2, "the two clicks were never queued");
        queue.Release();
        var results = await Task.WhenAll(first, second);

        Assert.Equal(results[0].LogId, results[1].LogId);
        Assert.Equal(results[0].Rating, results[1].Rating);
        Assert.Equal([false, true], results.Select(r => r.Duplicate).Order());
        await using var context = db.NewContext();
        Assert.Equal(1, await context.ReviewLog.CountAsync());
        Assert.Equal(1, (await context.CardStates.SingleAsync()).Memory.Reps);
    }

    [DataFact]
    public async Task DisposeAsync_AnswersQueued_WritesThemAllThenRefusesNewOnes()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("d", 10);
        var now = Utc.At(2026, 3, 2, 12);
        var engine = db.Engine;
        engine.Queue.Hold();
        var calls = cards.Select((card, i) => engine.AnswerAsync(1, card, new SelfGrade(Rating.Good), $"q{i}", TimeSpan.Zero, ReviewSource.Review, now)).ToList();
        await Eventually.TrueAsync(() => engine.Queue.Queued == 10, "the ten answers were never queued");

        var stopping = engine.DisposeAsync().AsTask();
        engine.Queue.Release();
        await stopping;

        // Written before the engine finished stopping.
        await using (var context = db.NewContext())
        {
            Assert.Equal(10, await context.ReviewLog.CountAsync());
        }
        Assert.Equal(10, (await Task.WhenAll(calls)).Select(r => r.LogId).Distinct().Count());
        await Assert.ThrowsAsync<StoreRefusedException>(() => engine.AnswerAsync(2, cards[0], new SelfGrade(Rating.Good), "after", TimeSpan.Zero, ReviewSource.Review, now));
    }

    [DataFact]
    public async Task AnswerAsync_ArrivesStampedBeforeLastReview_RecordedAtLastReview()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var card = await db.CardIdAsync("d", "card-001");
        var now = Utc.At(2026, 3, 2, 12);
        await db.Engine.AnswerAsync(1, card, new SelfGrade(Rating.Good), "late-winner", TimeSpan.Zero, ReviewSource.Review, now.AddMilliseconds(5));

        var result = await db.Engine.AnswerAsync(1, card, new SelfGrade(Rating.Good), "early-loser", TimeSpan.Zero, ReviewSource.Review, now);

        Assert.Equal(now.AddMilliseconds(5), result.After.LastReview);
        await db.AssertVerifiesAsync();
    }
}

public sealed class GroupCommitTestsOnSqlite : GroupCommitTests;

public sealed class GroupCommitTestsOnPostgres : GroupCommitTests, IOnPostgres;
