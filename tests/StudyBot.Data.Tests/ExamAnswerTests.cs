using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Exam;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>Answers in a deck with an exam ahead: scheduled for the exam, logged with it, replayed exactly.</summary>
public abstract class ExamAnswerTests : DatabaseTests
{
    private const ulong Student = 11;

    private static async Task<long> AddExamAsync(TestDatabase db, string deckKey, DateTime atUtc, ulong? guildId = null)
    {
        await using var context = db.NewContext();
        var deck = await context.Decks.SingleAsync(d => d.Key == deckKey);
        var exam = new ExamDate { GuildId = guildId ?? deck.GuildId, DeckId = deck.Id, AtUtc = atUtc, SetByUserId = 1, CreatedUtc = atUtc.AddDays(-30) };
        context.ExamDates.Add(exam);
        await context.SaveChangesAsync();
        return exam.Id;
    }

    [DataFact]
    public async Task Answers_BeforeAnExam_AreDueByTheExamLoggedWithItAndVerify()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("exam", 6);
        var start = Utc.At(2026, 3, 2, 12);
        var exam = start.AddDays(20);
        await AddExamAsync(db, "exam", exam);

        // Each card: learned on day 0, then answered whenever it falls due (Again once, then Good), until after the exam.
        var n = 0;
        foreach (var card in cards)
        {
            var now = start;
            await db.Engine.AnswerAsync(Student, card, new SelfGrade(Rating.Good), $"e{n++}", TimeSpan.Zero, ReviewSource.Review, now);
            for (var step = 0; step < 12; step++)
            {
                await using var context = db.NewContext();
                var due = await context.CardStates.Where(s => s.UserId == Student && s.CardId == card).Select(s => s.Memory.Due).SingleAsync();
                now = due > now ? due : now.AddMinutes(1);
                if (now > exam.AddDays(40))
                {
                    break;
                }
                // The second answer is a lapse: far from the exam it is scheduled in whole days too.
                await db.Engine.AnswerAsync(Student, card, new SelfGrade(step == 0 ? Rating.Again : Rating.Good), $"e{n++}", TimeSpan.Zero, ReviewSource.Review, now);
            }
        }

        await using (var context = db.NewContext())
        {
            var log = await context.ReviewLog.Where(l => l.UserId == Student).OrderBy(l => l.Id).ToListAsync();
            var before = log.Where(l => l.ReviewedUtc < exam).ToList();
            var after = log.Where(l => l.ReviewedUtc >= exam).ToList();
            Assert.All(before, l => Assert.Equal((exam, ExamScheduler.DefaultTarget), (l.ExamUtc!.Value, l.ExamTarget!.Value)));
            Assert.NotEmpty(after);
            Assert.All(after, l => Assert.Null(l.ExamUtc));
            // While a whole day is left before the exam, answers schedule whole days (no same-day steps).
            var scheduler = new ExamScheduler(new FsrsScheduler());
            Assert.All(before.Where(l => l.ReviewedUtc.AddDays(1) <= exam - scheduler.Lead), l => Assert.Equal(CardState.Review, l.After.State));
            Assert.Equal(cards.Length, before.Count(l => l.Rating == Rating.Again));
            // Every review-state answer before the exam either comes back before it or is safe at it.
            foreach (var entry in before.Where(l => l.After.State == CardState.Review))
            {
                var recall = scheduler.CautiousRecallAt(entry.After.ToFsrs(), exam);
                Assert.True(entry.After.Due < exam || recall >= ExamScheduler.DefaultTarget, $"entry {entry.Id}: due {entry.After.Due:u}, recall at the exam {recall}");
            }
        }

        await db.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task Answers_ExamRowOfAnotherGuild_IsIgnored()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("sealed", 1);
        var start = Utc.At(2026, 3, 2, 12);
        // A row naming this deck but another guild (a forged or stale row) schedules nothing.
        await AddExamAsync(db, "sealed", start.AddDays(5), guildId: 987654321);

        await db.Engine.AnswerAsync(Student, cards[0], new SelfGrade(Rating.Good), "s1", TimeSpan.Zero, ReviewSource.Review, start);

        await using var context = db.NewContext();
        Assert.Null((await context.ReviewLog.SingleAsync(l => l.InteractionId == "s1")).ExamUtc);
        var deckId = await context.Decks.Where(d => d.Key == "sealed").Select(d => d.Id).SingleAsync();
        await db.Students.EnrolAsync(Student, deckId);
        Assert.Empty(await db.Engine.ExamCountdownsAsync(Student, [deckId], start));
    }

    [DataFact]
    public async Task ExamCountdowns_JoinedDeckWithAnExam_CountsCardsToSecureAndPace()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("count", 10);
        var start = Utc.At(2026, 3, 2, 12);
        await AddExamAsync(db, "count", start.AddDays(12).AddHours(-3));
        await using var context = db.NewContext();
        var deckId = await context.Decks.Where(d => d.Key == "count").Select(d => d.Id).SingleAsync();
        await db.Students.EnrolAsync(Student, deckId);
        await db.Engine.AnswerAsync(Student, cards[0], new SelfGrade(Rating.Good), "c1", TimeSpan.Zero, ReviewSource.Review, start);

        var countdown = Assert.Single(await db.Engine.ExamCountdownsAsync(Student, [deckId], start));

        Assert.Equal(12, countdown.DaysLeft);
        // Nine cards never studied and one in learning steps.
        Assert.Equal(10, countdown.CardsToSecure);
        // Nine new cards over 12 days with 2 kept for review only: 1 a day.
        Assert.Equal(1, countdown.NewPerDay);
        Assert.Equal("exam in 12 days: 10 cards to secure", countdown.Summary());
    }
}

public sealed class ExamAnswerTestsOnSqlite : ExamAnswerTests;

public sealed class ExamAnswerTestsOnPostgres : ExamAnswerTests, IOnPostgres;
