using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>Day boundaries and daily limits, in the student's own time zone.</summary>
public abstract class StudyDayTests : DatabaseTests
{
    private const ulong Student = 4004;

    private async Task<TestDatabase> SetUpAsync(string zone, int newPerDay = 20, int reviewsPerDay = 200, int cards = 10)
    {
        var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", cards));
        await db.Students.EnrolAsync(Student, "d");
        await db.Students.SaveSettingsAsync(new UserSettings
        {
            UserId = Student,
            TimeZone = zone,
            DayStartHour = 4,
            NewPerDay = newPerDay,
            ReviewsPerDay = reviewsPerDay,
        });
        return db;
    }

    private static async Task AnswerNextAsync(TestDatabase db, DateTime now, Rating rating = Rating.Easy)
    {
        var next = await db.Engine.NextCardAsync(Student, null, now) ?? throw new InvalidOperationException($"no card at {now:O}");
        await db.Engine.AnswerAsync(Student, next.CardId, new SelfGrade(rating), Guid.NewGuid().ToString("N"), TimeSpan.Zero, ReviewSource.Review, now);
    }

    [DataTheory]
    // Kiritimati is UTC+14: its 4 am is 14:00 UTC the day before.
    [InlineData("Pacific/Kiritimati", 2026, 3, 2, 15, 2026, 3, 3, 13, 59, 2026, 3, 3, 14, 0)]
    // Etc/GMT+12 is UTC-12: its 4 am is 16:00 UTC the same date.
    [InlineData("Etc/GMT+12", 2026, 3, 2, 17, 2026, 3, 3, 15, 59, 2026, 3, 3, 16, 0)]
    // New York falls back on 2026-11-01: that study day lasts 25 hours, to 09:00 UTC (4 am EST).
    [InlineData("America/New_York", 2026, 10, 31, 20, 2026, 11, 1, 8, 59, 2026, 11, 1, 9, 0)]
    // New York springs forward on 2026-03-08: that study day lasts 23 hours, to 08:00 UTC (4 am EDT).
    [InlineData("America/New_York", 2026, 3, 7, 20, 2026, 3, 8, 7, 59, 2026, 3, 8, 8, 0)]
    public async Task NextCardAsync_NewLimitReached_ResetsAtLocalDayStart(
        string zone, int y, int mo, int d, int h, int by, int bmo, int bd, int bh, int bmi, int ay, int amo, int ad, int ah, int ami)
    {
        await using var db = await SetUpAsync(zone, newPerDay: 2);
        var studied = Utc.At(y, mo, d, h);
        await AnswerNextAsync(db, studied);
        await AnswerNextAsync(db, studied.AddMinutes(1));

        var justBefore = await db.Engine.NextCardAsync(Student, null, Utc.At(by, bmo, bd, bh, bmi));
        var atStart = await db.Engine.NextCardAsync(Student, null, Utc.At(ay, amo, ad, ah, ami));

        Assert.Null(justBefore);
        Assert.NotNull(atStart);
        Assert.Equal(QueueKind.New, atStart.Queue);
        Assert.Equal(Utc.At(ay, amo, ad, ah, ami), atStart.Day.StartUtc);
    }

    [DataTheory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Etc/GMT+12")]
    [InlineData("America/New_York")]
    public async Task NextCardAsync_ReviewDueBeforeLocalDayEnd_ShownToday(string zone)
    {
        await using var db = await SetUpAsync(zone, newPerDay: 0, cards: 2);
        var now = Utc.At(2026, 3, 7, 12);
        var day = StudyDay.Containing(now, TimeZoneInfo.FindSystemTimeZoneById(zone), 4);
        await db.SetReviewDueAsync(Student, "card-001", day.EndUtc.AddMinutes(-1));
        await db.SetReviewDueAsync(Student, "card-002", day.EndUtc);

        var first = await db.Engine.NextCardAsync(Student, null, now);
        await db.Engine.AnswerAsync(Student, first!.CardId, new SelfGrade(Rating.Good), "r1", TimeSpan.Zero, ReviewSource.Review, now);
        var second = await db.Engine.NextCardAsync(Student, null, now);
        var tomorrow = await db.Engine.NextCardAsync(Student, null, day.EndUtc);

        Assert.Equal(("card-001", QueueKind.Review), (first.Card.Id, first.Queue));
        Assert.Null(second);
        Assert.Equal("card-002", tomorrow?.Card.Id);
    }

    [DataFact]
    public async Task NextCardAsync_ReviewLimitReached_NoMoreReviewsToday()
    {
        await using var db = await SetUpAsync("UTC", newPerDay: 0, reviewsPerDay: 2, cards: 3);
        var now = Utc.At(2026, 3, 7, 12);
        foreach (var key in new[] { "card-001", "card-002", "card-003" })
        {
            await db.SetReviewDueAsync(Student, key, now.AddDays(-1));
        }

        await AnswerNextAsync(db, now, Rating.Good);
        await AnswerNextAsync(db, now, Rating.Good);

        Assert.Null(await db.Engine.NextCardAsync(Student, null, now));
        Assert.Equal(QueueKind.Review, (await db.Engine.NextCardAsync(Student, null, Utc.At(2026, 3, 8, 4)))?.Queue);
    }

    [DataFact]
    public async Task NextCardAsync_Order_LearningThenReviewThenNew()
    {
        await using var db = await SetUpAsync("UTC", cards: 3);
        var now = Utc.At(2026, 3, 7, 12);
        await db.SetReviewDueAsync(Student, "card-003", now.AddDays(-1));
        var learning = await db.CardIdAsync("d", "card-002");
        await db.Engine.AnswerAsync(Student, learning, new SelfGrade(Rating.Again), "l", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(-5));

        var order = new List<(string, QueueKind)>();
        for (var i = 0; i < 3 && await db.Engine.NextCardAsync(Student, null, now) is { } next; i++)
        {
            order.Add((next.Card.Id, next.Queue));
            await db.Engine.AnswerAsync(Student, next.CardId, new SelfGrade(Rating.Easy), $"o{i}", TimeSpan.Zero, ReviewSource.Review, now);
        }

        Assert.Equal([("card-002", QueueKind.Learning), ("card-003", QueueKind.Review), ("card-001", QueueKind.New)], order);
    }

    [DataFact]
    public async Task NextCardAsync_SiblingAnsweredToday_WaitsUntilTomorrow()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d",
            TestDecks.Basic("n1#c1", noteId: "n1"), TestDecks.Basic("n1#c2", noteId: "n1"), TestDecks.Basic("solo")));
        await db.Students.EnrolAsync(Student, "d");
        var now = Utc.At(2026, 3, 7, 12);

        await AnswerNextAsync(db, now);
        var next = await db.Engine.NextCardAsync(Student, null, now);
        await AnswerNextAsync(db, now);
        var none = await db.Engine.NextCardAsync(Student, null, now);
        var tomorrow = await db.Engine.NextCardAsync(Student, null, Utc.At(2026, 3, 8, 4));

        Assert.Equal("solo", next?.Card.Id);
        Assert.Null(none);
        Assert.Equal("n1#c2", tomorrow?.Card.Id);
    }
}

public sealed class StudyDayTestsOnSqlite : StudyDayTests;

public sealed class StudyDayTestsOnPostgres : StudyDayTests, IOnPostgres;
