using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;
using StudyBot.Data.Fitting;
using StudyBot.Data.Review;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

public abstract class FitterTests : DatabaseTests
{
    private static readonly DateTime _start = Utc.At(2026, 1, 5, 9);

    private async Task<(TestDatabase Db, List<int> Cards)> DatabaseWithCardsAsync(int count)
    {
        var db = await CreateDatabaseAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", count));
        await using var context = db.NewContext();
        var cards = await context.Cards.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        return (db, cards);
    }

    [DataFact]
    public async Task FitAsync_StudentWith400Reviews_AdoptsWeightsThatPredictTheirLogBetter()
    {
        var (db, cards) = await DatabaseWithCardsAsync(70);
        await using var _ = db;
        var student = new SimulatedStudent(db.Engine, 7, seed: 1);
        var answers = await student.StudyAsync(cards, _start, _start.AddDays(120));
        await new SimulatedStudent(db.Engine, 8, seed: 2).StudyAsync(cards.Take(5).ToList(), _start, _start.AddDays(30));
        Assert.True(answers.Count >= StudentFitter.ReviewsPerFit, $"only {answers.Count} answers");
        var fitter = new StudentFitter(db.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>());

        Assert.Equal([7ul], await fitter.DueStudentsAsync());
        var outcome = await fitter.FitAsync(7, _start.AddDays(120));

        Assert.Equal(FitStatus.Adopted, outcome.Status);
        Assert.True(outcome.LogLossAfter < outcome.LogLossBefore, $"{outcome.LogLossAfter} vs {outcome.LogLossBefore}");
        var settings = await db.Students.GetSettingsAsync(7);
        Assert.Equal(outcome.FitId, settings.FsrsFitId);
        var weights = FsrsSchedulers.ParseWeights(settings.FsrsWeights!);
        Assert.Equal(FsrsWeights.Count, weights.Length);
        Assert.NotEqual(FsrsWeights.Defaults, weights);
        // Nothing answered since the fit: no one is due.
        Assert.Empty(await fitter.DueStudentsAsync());
    }

    [DataFact]
    public async Task FitAsync_FitPredictsWorse_RecordsItAndKeepsTheDefaults()
    {
        var (db, cards) = await DatabaseWithCardsAsync(70);
        await using var _ = db;
        var student = new SimulatedStudent(db.Engine, 7, seed: 3);
        await student.StudyAsync(cards, _start, _start.AddDays(120));
        // Weights far from this student's memory: long initial stabilities and the slowest decay.
        double[] worse = [50, 60, 70, 90, .. FsrsWeights.Defaults.Skip(4).Take(16), 0.1];
        var fitter = new StudentFitter(db.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>()) { Fit = _ => worse };

        var outcome = await fitter.FitAsync(7, _start.AddDays(120));

        Assert.Equal(FitStatus.KeptCurrent, outcome.Status);
        Assert.True(outcome.LogLossAfter > outcome.LogLossBefore);
        var settings = await db.Students.GetSettingsAsync(7);
        Assert.Null(settings.FsrsFitId);
        Assert.Null(settings.FsrsWeights);
        await using var context = db.NewContext();
        var fit = await context.FsrsFits.SingleAsync();
        Assert.False(fit.Adopted);
        Assert.Equal(outcome.LogLossBefore, fit.LogLossBefore);
        // The next answer is scheduled with the defaults and says so in the log.
        var now = _start.AddDays(121);
        var result = await db.Engine.AnswerAsync(7, cards[0], new SelfGrade(Rating.Good), "after-worse-fit", TimeSpan.Zero, ReviewSource.Review, now);
        var entry = await context.ReviewLog.SingleAsync(l => l.InteractionId == "after-worse-fit");
        Assert.Null(entry.FsrsFitId);
        Assert.Equal(new FsrsScheduler().Next(entry.Before.ToFsrs(), now, Rating.Good).Due, result.After.Due);
    }

    [DataFact]
    public async Task Verify_AfterAdoptedFit_ReplaysEachAnswerWithTheWeightsInForce()
    {
        var (db, cards) = await DatabaseWithCardsAsync(70);
        await using var _ = db;
        var student = new SimulatedStudent(db.Engine, 7, seed: 4);
        await student.StudyAsync(cards, _start, _start.AddDays(120));
        var fitter = new StudentFitter(db.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>());
        var outcome = await fitter.FitAsync(7, _start.AddDays(120));
        Assert.Equal(FitStatus.Adopted, outcome.Status);

        var later = await student.StudyAsync(cards, _start, _start.AddDays(150));
        Assert.NotEmpty(later);

        await using (var context = db.NewContext())
        {
            var afterFit = await context.ReviewLog.Where(l => l.ReviewedUtc > _start.AddDays(120)).ToListAsync();
            Assert.All(afterFit, l => Assert.Equal(outcome.FitId, l.FsrsFitId));
            Assert.All(await context.ReviewLog.Where(l => l.ReviewedUtc <= _start.AddDays(120)).ToListAsync(), l => Assert.Null(l.FsrsFitId));
            // The personal weights really scheduled differently from the defaults.
            var defaults = new FsrsSchedulers().For(0.9);
            Assert.Contains(afterFit, l => CardMemory.From(AnswerDecision.Schedule(l.Before.ToStudy(), l.ReviewedUtc, l.Rating!.Value, new AnswerScheduling(defaults)).After) != l.After);
        }
        var report = await db.Verifier.VerifyAsync();
        Assert.True(report.Passed, string.Join("\n", report.Differences.Take(5).Select(d => d.What)));

        // Replaying the same log as if the fit had not been adopted disagrees: verify reads the fit's weights.
        await using (var context = db.NewContext())
        {
            await context.FsrsFits.ExecuteUpdateAsync(s => s.SetProperty(f => f.Weights, FsrsSchedulers.FormatWeights(FsrsWeights.Defaults)));
        }
        var tampered = await db.BuildServices().GetRequiredService<Verification.ReviewLogVerifier>().VerifyAsync();
        Assert.False(tampered.Passed);
    }
}

public sealed class FitterTestsOnSqlite : FitterTests;

public sealed class FitterTestsOnPostgres : FitterTests, IOnPostgres;
