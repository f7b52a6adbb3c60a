using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Exam;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>Answers in a deck with an exam ahead: scheduled for the exam, logged with it, replayed exactly.</summary>
public abstract class ExamAnswerTests : DatabaseTests
{
    private const ulong Student = 11;
    private static readonly double _retention = new UserSettings().DesiredRetention;

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

    /// <summary>
    /// Answers an older bot logged under exam rule 1, as it wrote them (the migration that added the
    /// version marks them 1): each card learned at <paramref name="start"/>, then answered when due
    /// (the first review as <paramref name="firstReview"/>, then Good) until <paramref name="until"/>.
    /// The card states are left as those answers left them.
    /// </summary>
    private static async Task AnswerUnderRuleOneAsync(TestDatabase db, int[] cards, DateTime start, DateTime until, DateTime exam, Rating firstReview, Func<Rating, string?>? text = null)
    {
        var scheduling = ExamScheduleAdjustment.For(new FsrsSchedulers().For(_retention), exam, ExamScheduler.DefaultTarget, ExamRule.V1.Version);
        await using var context = db.NewContext();
        foreach (var card in cards)
        {
            var current = CardStudyState.New(start);
            var entries = 0;
            for (var at = start; at < until; at = current.Memory.Due > at ? current.Memory.Due : at.AddMinutes(1))
            {
                var rating = entries == 0 ? Rating.Good : entries == 1 ? firstReview : Rating.Good;
                var (after, _) = AnswerDecision.Schedule(current, at, rating, scheduling);
                context.ReviewLog.Add(new ReviewLogEntry
                {
                    UserId = Student,
                    CardId = card,
                    Kind = ReviewKind.Answer,
                    Source = ReviewSource.Review,
                    Rating = rating,
                    AnswerText = text?.Invoke(rating),
                    InteractionId = $"rule1-{card}-{entries++}",
                    ReviewedUtc = at,
                    DesiredRetention = _retention,
                    ExamUtc = exam,
                    ExamTarget = ExamScheduler.DefaultTarget,
                    ExamRule = ExamRule.V1.Version,
                    Before = CardMemory.From(current),
                    After = CardMemory.From(after),
                });
                current = after;
            }
            context.CardStates.Add(new UserCardState { UserId = Student, CardId = card, Memory = CardMemory.From(current), Version = entries });
        }
        await context.SaveChangesAsync();
    }

    /// <summary>The result of replaying a logged answer by exam rule <paramref name="version"/>.</summary>
    private static CardMemory ReplayedBy(ReviewLogEntry entry, int version) =>
        CardMemory.From(AnswerDecision.Schedule(entry.Before.ToStudy(), entry.ReviewedUtc, entry.Rating!.Value,
            ExamScheduleAdjustment.For(new FsrsSchedulers().For(entry.DesiredRetention), entry.ExamUtc, entry.ExamTarget, version)).After);

    [DataFact]
    public async Task Verify_AnswersUnderExamRulesOneAndTwo_ReplaysEachByItsRuleAndReportsATamperedAnswer()
    {
        await using var db = await CreateDatabaseAsync();
        var cards = await db.NumberedCardsAsync("rules", 8);
        var start = Utc.At(2026, 3, 2, 12);
        var exam = start.AddDays(30);
        await AddExamAsync(db, "rules", exam);
        // Ten days under rule 1 (half the cards lapse at their first review), then the bot is upgraded: rule 2 until after the exam.
        var upgrade = start.AddDays(10);
        await AnswerUnderRuleOneAsync(db, cards[..4], start, upgrade, exam, Rating.Good);
        await AnswerUnderRuleOneAsync(db, cards[4..], start, upgrade, exam, Rating.Again);
        var n = 0;
        foreach (var card in cards)
        {
            for (var step = 0; step < 12; step++)
            {
                await using var context = db.NewContext();
                var due = await context.CardStates.Where(s => s.UserId == Student && s.CardId == card).Select(s => s.Memory.Due).SingleAsync();
                var now = due > upgrade ? due : upgrade.AddMinutes(n);
                if (now > exam.AddDays(10))
                {
                    break;
                }
                await db.Engine.AnswerAsync(Student, card, new SelfGrade(step == 1 ? Rating.Hard : Rating.Good), $"r2-{n++}", TimeSpan.Zero, ReviewSource.Review, now);
            }
        }

        List<ReviewLogEntry> log;
        await using (var context = db.NewContext())
        {
            log = await context.ReviewLog.Where(l => l.UserId == Student).OrderBy(l => l.Id).ToListAsync();
        }
        var ruleOne = log.Where(l => l.ExamRule == 1).ToList();
        var ruleTwo = log.Where(l => l.ExamRule == 2).ToList();
        Assert.True(ruleOne.Count >= 16, $"{ruleOne.Count} answers under rule 1");
        Assert.True(ruleTwo.Count >= 8, $"{ruleTwo.Count} answers under rule 2");
        // The answer path logs the rule in force with every answer before the exam, and none after it.
        Assert.All(log.Where(l => l.ReviewedUtc >= upgrade && l.ReviewedUtc < exam), l => Assert.Equal(ExamRule.Current.Version, l.ExamRule));
        Assert.All(log.Where(l => l.ReviewedUtc >= exam), l => Assert.Null(l.ExamRule));
        // The version matters: many answers of each rule come out differently under the other one.
        var ruleOneDiffering = ruleOne.Where(l => ReplayedBy(l, 2) != l.After).ToList();
        Assert.True(ruleOneDiffering.Count >= 4, $"{ruleOneDiffering.Count} of {ruleOne.Count} rule 1 answers differ under rule 2");
        Assert.True(ruleTwo.Count(l => ReplayedBy(l, 1) != l.After) >= 4, "rule 2 answers replayed under rule 1 mostly agree");

        await db.AssertVerifiesAsync();

        // A rule 1 answer relabelled as rule 2 no longer replays to what it recorded: verify names it.
        var relabelled = ruleOneDiffering[0].Id;
        await using (var context = db.NewContext())
        {
            await context.ReviewLog.Where(l => l.Id == relabelled).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExamRule, 2));
        }
        var report = await db.Verifier.VerifyAsync();
        Assert.Contains(report.Differences, d => d.LogId == relabelled && d.What.Contains("recorded result differs", StringComparison.Ordinal));

        // Put back, it passes again; a rule 2 answer whose rating is changed is reported in turn.
        var edited = ruleTwo[^1].Id;
        await using (var context = db.NewContext())
        {
            await context.ReviewLog.Where(l => l.Id == relabelled).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExamRule, 1));
        }
        await db.AssertVerifiesAsync();
        await using (var context = db.NewContext())
        {
            await context.ReviewLog.Where(l => l.Id == edited).ExecuteUpdateAsync(s => s.SetProperty(x => x.Rating, Rating.Again));
        }
        report = await db.Verifier.VerifyAsync();
        Assert.Contains(report.Differences, d => d.LogId == edited && d.What.Contains("recorded result differs", StringComparison.Ordinal));

        // A version no rule has is reported, not replayed by a guess.
        await using (var context = db.NewContext())
        {
            await context.ReviewLog.Where(l => l.Id == relabelled).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExamRule, 7));
        }
        report = await db.Verifier.VerifyAsync();
        Assert.Contains(report.Differences, d => d.LogId == relabelled && d.What.Contains("exam rule 7", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task AcceptWording_AnswersUnderExamRulesOneAndTwo_RecountsEachByItsRuleAndVerifies()
    {
        await using var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("accept", TestDecks.Typed("t1", "photosynthesis")));
        var card = await db.CardIdAsync("accept", "t1");
        var start = Utc.At(2026, 3, 2, 12);
        var exam = start.AddDays(30);
        await AddExamAsync(db, "accept", exam);
        // Under rule 1 the student typed "light reactions" at the first review and was graded wrong; then rule 2 answers.
        var upgrade = start.AddDays(8);
        await AnswerUnderRuleOneAsync(db, [card], start, upgrade, exam, Rating.Again, r => r == Rating.Again ? "light reactions" : "photosynthesis");
        for (var step = 0; step < 3; step++)
        {
            await using var context = db.NewContext();
            var due = await context.CardStates.Where(s => s.UserId == Student && s.CardId == card).Select(s => s.Memory.Due).SingleAsync();
            await db.Engine.AnswerAsync(Student, card, new TypedAnswer("photosynthesis"), $"a2-{step}", TimeSpan.Zero, ReviewSource.Review, due > upgrade ? due : upgrade);
        }
        ulong guild;
        await using (var context = db.NewContext())
        {
            guild = await context.Decks.Where(d => d.Key == "accept").Select(d => d.GuildId).SingleAsync();
        }

        var accepted = await db.Services.GetRequiredService<WordingAcceptance>().AcceptAsync(guild, card, "light reactions", CancellationToken.None);

        Assert.Equal(1, accepted.Answers);
        await using (var context = db.NewContext())
        {
            var recounted = await context.ReviewLog.Where(l => l.InteractionId.StartsWith("recount:")).OrderBy(l => l.Id).ToListAsync();
            Assert.Contains(recounted, l => l.ExamRule == 1);
            Assert.Contains(recounted, l => l.ExamRule == 2);
            Assert.All(recounted.Where(l => l.ReviewedUtc < exam), l => Assert.Equal((exam, ExamScheduler.DefaultTarget), (l.ExamUtc!.Value, l.ExamTarget!.Value)));
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
