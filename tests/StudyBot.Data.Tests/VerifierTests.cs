using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

public abstract class VerifierTests : DatabaseTests
{
    private async Task<(TestDatabase Db, int CardId)> AnsweredTwiceAsync()
    {
        var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var cardId = await db.CardIdAsync("d", "card-001");
        var now = Utc.At(2026, 3, 2, 12);
        await db.Engine.AnswerAsync(7, cardId, new SelfGrade(Rating.Good), "v1", TimeSpan.Zero, ReviewSource.Review, now);
        await db.Engine.AnswerAsync(7, cardId, new SelfGrade(Rating.Good), "v2", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(12));
        return (db, cardId);
    }

    [DataFact]
    public async Task VerifyAsync_StoredStateEdited_ReportsTheCard()
    {
        var (db, cardId) = await AnsweredTwiceAsync();
        await using var _ = db;
        await using (var context = db.NewContext())
        {
            await context.CardStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.Memory.Stability, 99.0));
        }

        var report = await db.Verifier.VerifyAsync();

        var difference = Assert.Single(report.Differences);
        Assert.Equal((7ul, cardId, null), (difference.UserId, difference.CardId, difference.LogId));
        Assert.Contains("stored state differs", difference.What);
    }

    [DataFact]
    public async Task VerifyAsync_LoggedResultEdited_ReportsTheEntry()
    {
        var (db, _) = await AnsweredTwiceAsync();
        await using var _1 = db;
        await using (var context = db.NewContext())
        {
            await context.ReviewLog.Where(l => l.InteractionId == "v1").ExecuteUpdateAsync(s => s.SetProperty(x => x.Rating, Rating.Easy));
        }

        var report = await db.Verifier.VerifyAsync();

        Assert.False(report.Passed);
        Assert.Contains(report.Differences, d => d.LogId is not null && d.What.Contains("recorded result differs"));
        Assert.Equal(2, report.LogEntries);
    }

    [DataFact]
    public async Task VerifyAsync_Untouched_Passes()
    {
        var (db, _) = await AnsweredTwiceAsync();
        await using var _1 = db;

        var report = await db.Verifier.VerifyAsync();

        Assert.True(report.Passed);
        Assert.Equal((1, 1, 2), (report.Users, report.CardStates, report.LogEntries));
    }
}

public sealed class VerifierTestsOnSqlite : VerifierTests;

public sealed class VerifierTestsOnPostgres : VerifierTests, IOnPostgres;
