using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

public abstract class LeechTests : DatabaseTests
{
    private const ulong Student = 5005;

    [DataFact]
    public async Task AnswerAsync_EighthLapse_TagsSuspendsAndTellsStudent()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        await db.Students.EnrolAsync(Student, "d");
        var cardId = await db.CardIdAsync("d", "card-001");
        var now = Utc.At(2026, 3, 2, 12);
        var result = await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Easy), "start", TimeSpan.Zero, ReviewSource.Review, now);
        var outcomes = new List<LeechOutcome>();

        for (var lapse = 1; lapse <= 8; lapse++)
        {
            now = result.NextDueUtc.AddMinutes(1);
            result = await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Again), $"lapse-{lapse}", TimeSpan.Zero, ReviewSource.Review, now);
            outcomes.Add(result.Leech);
            if (lapse < 8)
            {
                now = result.NextDueUtc.AddMinutes(1);
                result = await db.Engine.AnswerAsync(Student, cardId, new SelfGrade(Rating.Good), $"relearn-{lapse}", TimeSpan.Zero, ReviewSource.Review, now);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(LeechOutcome.None, 7), LeechOutcome.BecameLeech], outcomes);
        Assert.Equal(8, result.After.Lapses);
        Assert.True(result.Suspended);
        Assert.Contains("leech", result.LeechMessage);
        await using var context = db.NewContext();
        var state = await context.CardStates.SingleAsync();
        Assert.True(state.Memory is { Leech: true, Suspended: true });
        Assert.Null(await db.Engine.NextCardAsync(Student, null, now.AddDays(30)));
        await db.AssertVerifiesAsync();
    }
}

public sealed class LeechTestsOnSqlite : LeechTests;

public sealed class LeechTestsOnPostgres : LeechTests, IOnPostgres;
