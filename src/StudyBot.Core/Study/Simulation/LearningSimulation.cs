using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Core.Study.Simulation;

/// <summary>
/// Simulated students (memory by FSRS-6 with weights drawn around the defaults, one set per
/// student) studying every evening for a number of days in the daily loop of <see cref="StudyLoop"/>
/// (the due cards, then the day's new cards). The same students,
/// with the same memories, run every schedule. Deterministic for a seed.
/// </summary>
public static class LearningSimulation
{
    public static IReadOnlyList<ScheduleResult> Run(SimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Students, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NewPerDay, 1);
        var students = new double[options.Students][];
        for (var i = 0; i < students.Length; i++)
        {
            students[i] = SimulatedMemory.Draw(new Random(unchecked(options.Seed * 7919 + i)), options.ParameterSpread);
        }
        var results = new List<ScheduleResult>();
        foreach (var kind in options.Schedules)
        {
            var runs = new StudentResult[students.Length];
            Parallel.For(0, students.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                runs[i] = RunStudent(kind, students[i], new Random(unchecked(options.Seed * 1_000_003 + i * 101 + (int)kind)), options));
            var recall = new double[options.Days];
            for (var d = 0; d < recall.Length; d++)
            {
                recall[d] = runs.Average(r => r.RecallByDay[d]);
            }
            var reviews = runs.Average(r => r.Reviews);
            var remembered = runs.Average(r => r.Remembered);
            results.Add(new ScheduleResult(kind, ScheduleNames.Of(kind), reviews, runs.Average(r => r.Seconds) / 60.0,
                recall[^1], remembered, remembered / reviews, recall));
        }
        return results;
    }

    private sealed record StudentResult(int Reviews, double Seconds, double Remembered, double[] RecallByDay);

    private static StudentResult RunStudent(ScheduleKind kind, double[] trueWeights, Random random, SimulationOptions options)
    {
        var memory = new FsrsStudentMemory(trueWeights);
        var schedule = SimulatedSchedule.Create(kind);
        var recallByDay = new double[options.Days];
        var sinceFit = 0;
        var reviewsBefore = 0;
        var weights = FsrsWeights.Defaults;
        var fitted = kind == ScheduleKind.FsrsFitted;
        var run = StudyLoop.Run(memory, schedule.Review, (_, _) => options.NewPerDay, options.Days, options.ReviewsPerDay, random, random, fitted, (day, cards) =>
        {
            var midnight = StudyLoop.Origin.AddDays(day + 1);
            recallByDay[day] = cards.Average(c => memory.Recall(c.Mind, midnight));
            var reviews = cards.Sum(c => c.Mind.Log?.Count ?? 0);
            sinceFit += reviews - reviewsBefore;
            reviewsBefore = reviews;
            if (fitted && day % 7 == 6 && sinceFit >= 400)
            {
                // As the bot's weekly job: fit to the whole log, adopt only when it predicts better.
                var histories = cards.Select((c, i) => new ReviewHistory(i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Mind.Log!)).ToList();
                try
                {
                    var comparison = FsrsFitComparison.Run(FsrsItems.FromHistories(histories), weights);
                    if (comparison.Better)
                    {
                        weights = comparison.Fitted;
                        var fsrs = (FsrsSchedule)schedule;
                        fsrs.Scheduler = new FsrsScheduler(new FsrsParameters { DesiredRetention = fsrs.Retention, Weights = comparison.Fitted });
                    }
                }
                catch (NotEnoughDataException)
                {
                    // Keep the weights in force; try again next week.
                }
                sinceFit = 0;
            }
        });
        return new StudentResult(run.Reviews, run.Seconds, recallByDay[^1] * run.Cards.Count, recallByDay);
    }
}
