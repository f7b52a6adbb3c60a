namespace StudyBot.Core.Scheduling;

public sealed partial class FsrsScheduler
{
    /// <summary>
    /// One review's shared terms, computed at most once however many outcomes need them: the
    /// retrievability, the recall growth and the fuzz draw. NaN marks "not computed yet".
    /// </summary>
    private struct ReviewContext(DateTime now, int elapsedDays, in FsrsCard card)
    {
        public readonly DateTime Now = now;
        public readonly int ElapsedDays = elapsedDays;
        public readonly double Difficulty = card.Difficulty;
        public readonly double Stability = card.Stability;
        public readonly int Reps = card.Reps + 1;
        public double Retrievability = double.NaN;
        public double Growth = double.NaN;
        public double FuzzFactor = double.NaN;

        public readonly bool IsFirstReview => Difficulty == 0 && Stability == 0;
    }

    /// <summary>Stability after grade <paramref name="grade"/>: the reference's next_state.</summary>
    private double StabilityAfter(ref ReviewContext review, int grade)
    {
        var s = review.Stability;
        if (review.IsFirstReview)
        {
            return _model.InitStability(grade);
        }
        if (review.ElapsedDays == 0 && _shortTerm)
        {
            return _model.ShortTermStability(s, grade);
        }
        if (double.IsNaN(review.Retrievability))
        {
            review.Retrievability = _model.ForgettingCurve(review.ElapsedDays, s);
        }
        if (grade == 1)
        {
            return _model.ForgetStability(review.Difficulty, s, review.Retrievability);
        }
        if (double.IsNaN(review.Growth))
        {
            review.Growth = _model.RecallGrowth(review.Difficulty, s, review.Retrievability);
        }
        return _model.RecallStability(s, review.Growth, grade);
    }

    private double DifficultyAfter(in ReviewContext review, int grade) =>
        review.IsFirstReview ? _model.InitDifficulty(grade) : _model.NextDifficulty(review.Difficulty, grade);

    /// <summary>The interval in days for a stability, fuzzed when enabled.</summary>
    private int IntervalFor(ref ReviewContext review, double stability)
    {
        var interval = _model.Interval(stability);
        if (!_fuzz || interval < 2.5)
        {
            return (int)interval;
        }
        if (double.IsNaN(review.FuzzFactor))
        {
            review.FuzzFactor = FsrsFuzz.Factor(UnixMilliseconds(review.Now), review.Reps, review.Difficulty * review.Stability);
        }
        return (int)FsrsFuzz.Apply(interval, review.ElapsedDays, _model.MaximumInterval, review.FuzzFactor);
    }

    /// <summary>
    /// The intervals of two adjacent answer buttons, ordered as the reference orders them: the lower
    /// never exceeds the upper, and the upper is then at least a day more than the lower.
    /// </summary>
    private (int Lower, int Upper) AdjacentIntervals(ref ReviewContext review, double lowerStability, double upperStability)
    {
        var lower = IntervalFor(ref review, lowerStability);
        var upper = IntervalFor(ref review, upperStability);
        lower = Math.Min(lower, upper);
        return (lower, Math.Max(upper, lower + 1));
    }

    private static FsrsCard Scheduled(in ReviewContext review, double stability, double difficulty,
        TimeSpan delay, int scheduledDays, int learningStep, int lapses, CardState state) =>
        new(review.Now + delay, stability, difficulty, review.ElapsedDays, scheduledDays, learningStep,
            review.Reps, lapses, state, review.Now);

    private static long UnixMilliseconds(DateTime utc)
    {
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        // Floor, as a JavaScript Date holds whole milliseconds.
        return ticks >= 0 ? ticks / TimeSpan.TicksPerMillisecond : -((-ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
    }
}
