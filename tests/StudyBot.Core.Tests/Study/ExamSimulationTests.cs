using StudyBot.Core.Study.Simulation;

namespace StudyBot.Core.Tests.Study;

public sealed class ExamSimulationTests
{
    private static readonly ExamSimulationOptions _small = new()
    {
        Students = 4,
        Days = 24,
        NewPerDay = 6,
        Seed = 77,
        Schedules = [new("fsrs-exam", 0.95), new("leitner", 1.0), new("fixed7", 7)],
    };

    [Fact]
    public void Run_SameSeed_SameResultsInEveryWorld()
    {
        var first = ExamSimulation.Run(_small);
        var second = ExamSimulation.Run(_small);

        Assert.Equal(first, second);
        Assert.Equal(6, first.Count);
        Assert.Equal(["fsrs", "other"], first.Select(r => r.World).Distinct());
    }

    [Fact]
    public void Run_ExamSchedule_AtLeastLeitnersRecallWithFewerReviewsInBothWorlds()
    {
        var results = ExamSimulation.Run(_small);

        foreach (var world in new[] { "fsrs", "other" })
        {
            var exam = results.Single(r => r.World == world && r.Schedule == "fsrs-exam");
            var leitner = results.Single(r => r.World == world && r.Schedule == "leitner");
            Assert.True(exam.ExamRecall >= leitner.ExamRecall, $"{world}: exam recall {exam.ExamRecall:0.0000} < Leitner's {leitner.ExamRecall:0.0000}");
            Assert.True(exam.ReviewsPerStudent <= 0.9 * leitner.ReviewsPerStudent, $"{world}: {exam.ReviewsPerStudent} reviews against Leitner's {leitner.ReviewsPerStudent}");
        }
    }

    [Fact]
    public void Run_FixedSchedule_EveryCardMetOnceAWeek()
    {
        var result = ExamSimulation.Run(_small with { Worlds = [MemoryWorld.Fsrs], Schedules = [new("fixed7", 7)] }).Single();

        // 144 cards, one first sight each, then every 7 days until the last day: the count is exact.
        var expected = Enumerable.Range(0, 24).Sum(day => 6 * (1 + (23 - day) / 7));
        Assert.Equal(expected, result.ReviewsPerStudent);
    }
}
