using System.Globalization;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Exam;

namespace StudyBot.Core.Study.Simulation;

/// <summary>A course ending in an exam, the students who take it, and the worlds their memory follows.</summary>
public sealed record ExamSimulationOptions
{
    public int Students { get; init; } = 100;

    /// <summary>Study days; the exam is the morning after the last (09:00).</summary>
    public int Days { get; init; } = 90;

    /// <summary>New cards a day without an exam pace; the course has <c>Days * NewPerDay</c> cards.</summary>
    public int NewPerDay { get; init; } = 10;

    public int ReviewsPerDay { get; init; } = 200;

    public int Seed { get; init; } = 1;

    public IReadOnlyList<MemoryWorld> Worlds { get; init; } = [MemoryWorld.Fsrs, MemoryWorld.Other];

    /// <summary>Schedules and settings to run (all of <see cref="ExamSchedules.All"/> by default).</summary>
    public IReadOnlyList<ScheduleSetting> Schedules { get; init; } = ExamSchedules.All;
}

/// <summary>One schedule with one value of its own setting.</summary>
/// <param name="Schedule"><c>fsrs</c>, <c>fsrs-exam</c>, <c>sm2</c>, <c>leitner</c> or <c>fixed7</c>.</param>
/// <param name="Setting">fsrs: desired retention; fsrs-exam: target recall at the exam; sm2: interval modifier; leitner: interval multiplier of the 1-2-4-8-16-day boxes; fixed7: days between reviews.</param>
public sealed record ScheduleSetting(string Schedule, double Setting);

/// <summary>One schedule, setting and world, averaged over the students.</summary>
public sealed record ExamResult(string Schedule, double Setting, string World, double ReviewsPerStudent, double ExamRecall, double SecondsPerStudent);

/// <summary>The schedules compared, each across a sweep of its own setting.</summary>
public static class ExamSchedules
{
    public static readonly IReadOnlyList<double> Retentions = [0.8, 0.85, 0.9, 0.95];

    public static readonly IReadOnlyList<ScheduleSetting> All =
    [
        .. Retentions.Select(r => new ScheduleSetting("fsrs", r)),
        .. new[] { 0.8, 0.85, 0.9, 0.95, 0.97, 0.99 }.Select(t => new ScheduleSetting("fsrs-exam", t)),
        .. new[] { 0.6, 0.8, 1.0, 1.3, 1.7 }.Select(m => new ScheduleSetting("sm2", m)),
        .. new[] { 0.5, 0.75, 1.0, 1.5, 2.0 }.Select(m => new ScheduleSetting("leitner", m)),
        .. new[] { 3.0, 5.0, 7.0, 10.0, 14.0 }.Select(d => new ScheduleSetting("fixed7", d)),
    ];

    public static string Name(MemoryWorld world) => world == MemoryWorld.Fsrs ? "fsrs" : "other";
}

/// <summary>
/// Simulated students taking a course that ends in an exam, in the daily loop of <see cref="StudyLoop"/>;
/// the exam is at 09:00 the morning after the last day, and its score is the mean probability of
/// recalling every card of the course then (cards never met count 0). Every schedule meets the same
/// cards; schedules without a date introduce <c>NewPerDay</c> a day, <c>fsrs-exam</c> at the pace
/// <see cref="ExamPace"/> computes from the cards and days left (as the bot does). The same students
/// (memory parameters, and the random draws of their answers) run every schedule. Deterministic for a seed.
/// </summary>
public static class ExamSimulation
{
    public static IReadOnlyList<ExamResult> Run(ExamSimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Students, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NewPerDay, 1);
        var results = new List<ExamResult>();
        foreach (var world in options.Worlds)
        {
            foreach (var schedule in options.Schedules)
            {
                var runs = new (int Reviews, double Seconds, double Recall)[options.Students];
                Parallel.For(0, options.Students, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                    runs[i] = RunStudent(world, schedule, i, options));
                results.Add(new ExamResult(schedule.Schedule, schedule.Setting, ExamSchedules.Name(world),
                    runs.Average(r => r.Reviews), runs.Average(r => r.Recall), runs.Average(r => r.Seconds)));
            }
        }
        return results;
    }

    private static IStudentMemory Memory(MemoryWorld world, int student, ExamSimulationOptions options)
    {
        var random = new Random(unchecked(options.Seed * 7919 + student));
        return world == MemoryWorld.Fsrs ? new FsrsStudentMemory(SimulatedMemory.Draw(random, 0.25)) : new ActRMemory(random);
    }

    private static (int Reviews, double Seconds, double Recall) RunStudent(MemoryWorld world, ScheduleSetting setting, int student, ExamSimulationOptions options)
    {
        var memory = Memory(world, student, options);
        var schedule = ExamStudySchedule.Create(setting);
        var examUtc = StudyLoop.Origin.AddDays(options.Days).AddHours(9);
        schedule.ExamUtc = examUtc;
        var total = options.Days * options.NewPerDay;
        var examDay = DateOnly.FromDateTime(examUtc);
        // The answers' random draws and the cards' hardness are the student's own, the same under every schedule.
        var run = StudyLoop.Run(memory, schedule.Review,
            (day, met) => Math.Min(total - met, schedule.Paced
                ? ExamPace.NewCardsPerDay(total - met, DateOnly.FromDateTime(StudyLoop.Origin.AddDays(day)), examDay) ?? 0
                : options.NewPerDay),
            options.Days, options.ReviewsPerDay,
            new Random(unchecked(options.Seed * 1_000_003 + student * 101)), new Random(unchecked(options.Seed * 31 + student * 7)));
        var recall = run.Cards.Sum(c => memory.Recall(c.Mind, examUtc)) / total;
        return (run.Reviews, run.Seconds, recall);
    }

    /// <summary>The world as the JSON names it: fsrs or other.</summary>
    public static string WorldName(MemoryWorld world) => ExamSchedules.Name(world);

    /// <summary>"0.9", "1.25": a setting as the JSON and the tables print it.</summary>
    public static string Format(double setting) => setting.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A schedule of the exam simulation, with its setting.</summary>
internal abstract class ExamStudySchedule
{
    public DateTime ExamUtc { get; set; }

    /// <summary>New cards come at the exam pace rather than a fixed number a day.</summary>
    public virtual bool Paced => false;

    public abstract void Review(SimulatedCard card, DateTime now, Rating rating);

    public static ExamStudySchedule Create(ScheduleSetting setting) => setting.Schedule switch
    {
        "fsrs" => new FsrsPlain(setting.Setting),
        "fsrs-exam" => new FsrsForExam(setting.Setting),
        "sm2" => new Scaled(new Sm2Schedule(), setting.Setting),
        "leitner" => new Scaled(new LeitnerSchedule(), setting.Setting),
        "fixed7" => new FixedDays(setting.Setting),
        _ => throw new ArgumentException($"Unknown schedule '{setting.Schedule}': fsrs, fsrs-exam, sm2, leitner or fixed7.", nameof(setting)),
    };

    private sealed class FsrsPlain(double retention) : ExamStudySchedule
    {
        private readonly FsrsSchedule _fsrs = new(retention);

        public override void Review(SimulatedCard card, DateTime now, Rating rating) => _fsrs.Review(card, now, rating);
    }

    /// <summary>The bot's schedule with an exam: FSRS-6 at the default retention, each answer scheduled by <see cref="ExamScheduler"/>, cards at the exam pace.</summary>
    private sealed class FsrsForExam(double target) : ExamStudySchedule
    {
        private readonly ExamScheduler _exam = new(new FsrsScheduler());

        public override bool Paced => true;

        public override void Review(SimulatedCard card, DateTime now, Rating rating)
        {
            var before = card.Fsrs.Reps == 0 && card.Fsrs.State == CardState.New ? FsrsCard.CreateNew(now) : card.Fsrs;
            card.Fsrs = _exam.Answer(before, now, rating, [ExamUtc], target).Card;
            card.Due = card.Fsrs.Due;
        }
    }

    /// <summary>A schedule whose intervals (beyond learning steps) are multiplied by the setting.</summary>
    private sealed class Scaled(SimulatedSchedule inner, double factor) : ExamStudySchedule
    {
        public override void Review(SimulatedCard card, DateTime now, Rating rating)
        {
            inner.Review(card, now, rating);
            var interval = card.Due - now;
            if (interval >= TimeSpan.FromDays(1))
            {
                var days = Math.Max(1, Math.Round(interval.TotalDays * factor));
                card.Due = now + TimeSpan.FromDays(days);
                // SM-2 grows the interval it keeps: the modifier compounds, as Anki's interval modifier does.
                card.IntervalDays = inner is Sm2Schedule ? days : card.IntervalDays;
            }
        }
    }

    private sealed class FixedDays(double days) : ExamStudySchedule
    {
        public override void Review(SimulatedCard card, DateTime now, Rating rating)
        {
            card.Learning = false;
            card.Due = now.AddDays(days);
        }
    }
}
