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
        await Assert.ThrowsAsync<StudyException>(() => unknown);
        await Assert.ThrowsAsync<ArgumentException>(() => wrongKind);

        Assert.Equal(54, results.Select(r => r.LogId).Distinct().Count());
        await using var context = db.NewContext();
        Assert.Equal(54, await context.ReviewLog.CountAsync());
        Assert.Equal(54, await context.CardStates.SumAsync(s => s.Memory.Reps));
        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task AnswerAsync_AnswersArrivingWhileAWriteWaits_ShareOneTransaction()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 40));
        var cards = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => db.CardIdAsync("d", $"card-{i:000}")));
        var now = Utc.At(2026, 3, 2, 12);
        // Another connection holds the write lock, so the first answer's transaction waits (SQLite's busy timeout, PostgreSQL's lock wait)
        // while the others arrive: they must queue and go in together once the lock is free.
        var blocker = await db.HoldWriteLockAsync();

        var calls = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            db.Engine.AnswerAsync((ulong)(i % 5 + 1), cards[i], new SelfGrade(Rating.Good), $"g{i}", TimeSpan.Zero, ReviewSource.Review, now))).ToList();
        await Task.Delay(500);
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        await blocker.DisposeAsync();
        var results = await Task.WhenAll(calls);

        Assert.Equal(40, results.Select(r => r.LogId).Distinct().Count());
        var (transactions, largest) = db.Engine.CommitStats;
        Assert.True(transactions <= 3, $"{transactions} transactions for 40 answers");
        Assert.True(largest >= 30, $"the largest transaction carried {largest} answers");
        await using var context = db.NewContext();
        Assert.Equal(40, await context.ReviewLog.CountAsync());
        await db.AssertVerifiesAsync();
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
