using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Core.Study.Simulation;

/// <summary>
/// Simulated students (memory by FSRS-6 with weights drawn around the defaults, one set per
/// student) studying every evening for a number of days: the cards that are due (within the
/// day's review limit, learning steps within the hour), then the day's new cards. The same students,
/// with the same memories, run every schedule. Deterministic for a seed.
/// </summary>
public static class LearningSimulation
{
    // Estimated seconds per answer: a new card read for the first time, a recalled card, a forgotten one.
    private const double FirstSightSeconds = 20;
    private const double RecalledSeconds = 8;
    private const double ForgottenSeconds = 15;
    private static readonly DateTime _origin = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

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

    private sealed class Memory
    {
        public double S;
        public double D;
        public DateTime Last;
        public bool Seen;
        public List<ReviewEntry>? Log;
    }

    private static StudentResult RunStudent(ScheduleKind kind, double[] trueWeights, Random random, SimulationOptions options)
    {
        var memory = new SimulatedMemory(trueWeights);
        var schedule = SimulatedSchedule.Create(kind);
        var cards = new List<(SimulatedCard Card, Memory Memory)>();
        var recallByDay = new double[options.Days];
        var reviews = 0;
        var seconds = 0.0;
        var sinceFit = 0;
        var weights = FsrsWeights.Defaults;
        var queue = new PriorityQueue<int, (DateTime Due, int Index)>();
        for (var day = 0; day < options.Days; day++)
        {
            var start = _origin.AddDays(day).AddHours(18);
            var end = start.AddHours(1);
            for (var k = 0; k < options.NewPerDay; k++)
            {
                cards.Add((new SimulatedCard { Fsrs = FsrsCard.CreateNew(start), Due = start }, new Memory { Log = kind == ScheduleKind.FsrsFitted ? [] : null }));
            }
            queue.Clear();
            for (var i = 0; i < cards.Count; i++)
            {
                if (cards[i].Card.Due <= end)
                {
                    queue.Enqueue(i, (cards[i].Card.Due, i));
                }
            }
            var now = start;
            var dueReviews = 0;
            while (queue.TryPeek(out var index, out var key) && key.Due <= end)
            {
                queue.Dequeue();
                var (card, mem) = cards[index];
                // The daily limit counts reviews of cards already learned, as Anki's does.
                if (!card.Learning && mem.Seen && card.Due < start.AddMinutes(1) && dueReviews++ >= options.ReviewsPerDay)
                {
                    continue;
                }
                now = key.Due > now ? key.Due : now;
                Rating rating;
                if (!mem.Seen)
                {
                    rating = FirstRating(random);
                    seconds += FirstSightSeconds;
                }
                else
                {
                    var recalled = random.NextDouble() < memory.Recall(mem.S, (now - mem.Last).TotalDays);
                    rating = recalled ? RecallRating(random) : Rating.Again;
                    seconds += recalled ? RecalledSeconds : ForgottenSeconds;
                }
                (mem.S, mem.D) = memory.Review(mem.Seen ? mem.S : 0, mem.D, (now - mem.Last).TotalDays, rating);
                mem.Last = now;
                mem.Seen = true;
                mem.Log?.Add(new ReviewEntry(rating, now));
                schedule.Review(card, now, rating);
                reviews++;
                sinceFit++;
                now = now.AddSeconds(10);
                if (card.Due <= end)
                {
                    queue.Enqueue(index, (card.Due, index));
                }
            }
            var midnight = _origin.AddDays(day + 1);
            recallByDay[day] = cards.Average(c => memory.Recall(c.Memory.S, (midnight - c.Memory.Last).TotalDays));
            if (kind == ScheduleKind.FsrsFitted && day % 7 == 6 && sinceFit >= 400)
            {
                // As the bot's weekly job: fit to the whole log, adopt only when it predicts better.
                var histories = cards.Select((c, i) => new ReviewHistory(i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Memory.Log!)).ToList();
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
        }
        return new StudentResult(reviews, seconds, recallByDay[^1] * cards.Count, recallByDay);
    }

    private static Rating FirstRating(Random random)
    {
        var x = random.NextDouble();
        return x < 0.3 ? Rating.Again : x < 0.4 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
    }

    private static Rating RecallRating(Random random)
    {
        var x = random.NextDouble();
        return x < 0.1 ? Rating.Hard : x < 0.95 ? Rating.Good : Rating.Easy;
    }
}
