using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Study.Simulation;

/// <summary>One card as a schedule sees it.</summary>
internal sealed class SimulatedCard
{
    public FsrsCard Fsrs;
    public DateTime Due;
    public bool Learning = true;
    public int Step;
    public double Ease = 2.5;
    public double IntervalDays;
    public int Box;
}

/// <summary>A way of choosing the next review: FSRS-6, SM-2, Leitner boxes or a fixed interval.</summary>
internal abstract class SimulatedSchedule
{
    /// <summary>Records a review at <paramref name="now"/> and sets <see cref="SimulatedCard.Due"/>.</summary>
    public abstract void Review(SimulatedCard card, DateTime now, Rating rating);

    public static SimulatedSchedule Create(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Fsrs80 => new FsrsSchedule(0.8),
        ScheduleKind.Fsrs90 or ScheduleKind.FsrsFitted => new FsrsSchedule(0.9),
        ScheduleKind.Fsrs95 => new FsrsSchedule(0.95),
        ScheduleKind.Sm2 => new Sm2Schedule(),
        ScheduleKind.Leitner => new LeitnerSchedule(),
        _ => new FixedSchedule(),
    };
}

/// <summary>The bot's own scheduler (ts-fsrs 5.4.2 behaviour, learning steps 1 and 10 minutes, relearning 10 minutes).</summary>
internal sealed class FsrsSchedule(double retention) : SimulatedSchedule
{
    public FsrsScheduler Scheduler { get; set; } = new(new FsrsParameters { DesiredRetention = retention });

    public double Retention => retention;

    public override void Review(SimulatedCard card, DateTime now, Rating rating)
    {
        if (card.Fsrs.Reps == 0 && card.Fsrs.State == CardState.New)
        {
            card.Fsrs = FsrsCard.CreateNew(now);
        }
        card.Fsrs = Scheduler.Next(card.Fsrs, now, rating);
        card.Due = card.Fsrs.Due;
    }
}

/// <summary>
/// SM-2 as Anki's legacy scheduler applies it with its defaults: learning steps 1 and 10 minutes,
/// graduating interval 1 day, easy interval 4 days, starting ease 250 %, easy bonus 130 %, hard
/// interval 120 %, a lapse costs 20 % ease and restarts at 1 day after a 10-minute relearning step,
/// minimum ease 130 %. A late review counts the days it was late (half of them for Good).
/// </summary>
internal sealed class Sm2Schedule : SimulatedSchedule
{
    private static readonly TimeSpan[] _learning = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];
    private static readonly TimeSpan _relearning = TimeSpan.FromMinutes(10);

    public override void Review(SimulatedCard card, DateTime now, Rating rating)
    {
        if (card.Learning)
        {
            var relearning = card.IntervalDays > 0;
            var steps = relearning ? 1 : _learning.Length;
            switch (rating)
            {
                case Rating.Again:
                    card.Step = 0;
                    card.Due = now + (relearning ? _relearning : _learning[0]);
                    return;
                case Rating.Hard:
                    card.Due = now + (relearning ? _relearning : card.Step == 0 ? (_learning[0] + _learning[1]) / 2 : _learning[card.Step]);
                    return;
                case Rating.Good when card.Step + 1 < steps:
                    card.Step++;
                    card.Due = now + _learning[card.Step];
                    return;
                default:
                    card.Learning = false;
                    card.IntervalDays = relearning ? card.IntervalDays : rating == Rating.Easy ? 4 : 1;
                    card.Due = now.AddDays(card.IntervalDays);
                    return;
            }
        }
        var late = Math.Max(0.0, Math.Floor((now - card.Due).TotalDays));
        var interval = card.IntervalDays;
        switch (rating)
        {
            case Rating.Again:
                card.Ease = Math.Max(1.3, card.Ease - 0.2);
                card.IntervalDays = 1;
                card.Learning = true;
                card.Step = 0;
                card.Due = now + _relearning;
                return;
            case Rating.Hard:
                card.Ease = Math.Max(1.3, card.Ease - 0.15);
                card.IntervalDays = Math.Max(interval + 1, Math.Round(interval * 1.2));
                break;
            case Rating.Good:
                card.IntervalDays = Math.Max(Math.Max(interval + 1, Math.Round(interval * 1.2)) + 1, Math.Round((interval + late / 2) * card.Ease));
                break;
            default:
                var good = Math.Max(Math.Max(interval + 1, Math.Round(interval * 1.2)) + 1, Math.Round((interval + late / 2) * card.Ease));
                card.IntervalDays = Math.Max(good + 1, Math.Round((interval + late) * card.Ease * 1.3));
                card.Ease += 0.15;
                break;
        }
        card.IntervalDays = Math.Min(card.IntervalDays, 36500);
        card.Due = now.AddDays(card.IntervalDays);
    }
}

/// <summary>Leitner boxes: a recalled card moves up a box (1, 2, 4, 8, 16 days), a forgotten one back to the first.</summary>
internal sealed class LeitnerSchedule : SimulatedSchedule
{
    private static readonly int[] _days = [1, 2, 4, 8, 16];

    public override void Review(SimulatedCard card, DateTime now, Rating rating)
    {
        card.Box = card.Learning || rating == Rating.Again ? 0 : Math.Min(card.Box + 1, _days.Length - 1);
        card.Learning = false;
        card.Due = now.AddDays(_days[card.Box]);
    }
}

/// <summary>Every card again 7 days after each review, whatever the answer.</summary>
internal sealed class FixedSchedule : SimulatedSchedule
{
    public const int Days = 7;

    public override void Review(SimulatedCard card, DateTime now, Rating rating)
    {
        card.Learning = false;
        card.Due = now.AddDays(Days);
    }
}
