using StudyBot.Core.Study.Simulation;

namespace StudyBot.Core.Tests.Study;

public sealed class LearningSimulationTests
{
    private static readonly SimulationOptions _small = new() { Students = 6, Days = 60, NewPerDay = 8, Seed = 5 };

    [Fact]
    public void Run_SameSeed_SameFiguresForEverySchedule()
    {
        var first = LearningSimulation.Run(_small);
        var second = LearningSimulation.Run(_small);

        Assert.Equal(Enum.GetValues<ScheduleKind>(), first.Select(r => r.Schedule));
        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Run_OtherSeed_OtherFigures()
    {
        var first = LearningSimulation.Run(_small with { Schedules = [ScheduleKind.Fsrs90] });
        var other = LearningSimulation.Run(_small with { Seed = 6, Schedules = [ScheduleKind.Fsrs90] });

        Assert.NotEqual(Describe(first), Describe(other));
    }

    [Fact]
    public void Run_HigherRetention_MoreReviewsAndMoreRecall()
    {
        var results = LearningSimulation.Run(_small with { Schedules = [ScheduleKind.Fsrs80, ScheduleKind.Fsrs90, ScheduleKind.Fsrs95] });

        Assert.True(results[0].ReviewsPerStudent < results[1].ReviewsPerStudent && results[1].ReviewsPerStudent < results[2].ReviewsPerStudent);
        Assert.True(results[0].ExamRecall < results[1].ExamRecall && results[1].ExamRecall < results[2].ExamRecall);
        // Every student met the same cards: remembered = exam recall x cards met.
        Assert.All(results, r => Assert.Equal(r.ExamRecall * 60 * 8, r.CardsRemembered, 6));
        Assert.All(results, r => Assert.Equal(60, r.RecallByDay.Count));
    }

    private static string Describe(IReadOnlyList<ScheduleResult> results) =>
        string.Join("\n", results.Select(r => $"{r.Schedule} {r.ReviewsPerStudent:R} {r.MinutesPerStudent:R} {r.ExamRecall:R} {string.Join(",", r.RecallByDay.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}"));
}
