namespace StudyBot.Core.Scheduling.Exam;

/// <summary>Why <see cref="ExamScheduler.Adjust"/> chose the due time it returned.</summary>
public enum ExamDecision
{
    /// <summary>No exam ahead, a learning step, or the exam closer than the lead: the FSRS interval as it is.</summary>
    Fsrs,

    /// <summary>The FSRS review already falls before the exam; the rule applies again at that review.</summary>
    FsrsBeforeExam,

    /// <summary>Predicted recall at the exam already reaches the target: no review before it.</summary>
    Safe,

    /// <summary>The interval was shortened so that one more review lands before the exam.</summary>
    Shortened,
}

/// <summary>The card to store and why its due time is what it is.</summary>
public readonly record struct ExamAdjustment(FsrsCard Card, ExamDecision Decision, double RecallAtExam);

/// <summary>
/// Scheduling to a deadline on top of FSRS-6: after the scheduler has answered a card, the due time is
/// chosen so that the predicted recall at the exam instant reaches the target with the fewest reviews.
/// <list type="bullet">
/// <item>A card whose recall at the exam is already at least the target is left until the exam (or its
/// FSRS due time if later): it is not reviewed for the exam.</item>
/// <item>A card the FSRS interval would carry past the exam below the target gets one more review before
/// it: the earliest whole day from which a successful (Good) review leaves a stability that keeps the
/// recall at the exam at or above the target. Earlier than that a review would not suffice, later it
/// would risk more forgetting for no gain. If no day suffices, the last day before the exam; with less
/// than a day left, the lead before the exam.</item>
/// <item>A card the FSRS interval already brings back before the exam keeps it.</item>
/// <item>Learning steps, and answers after the last exam, are plain FSRS.</item>
/// </list>
/// Predictions use the FSRS-6 forgetting curve with the time that really passes (fractions of a day),
/// the stability after a review exactly as <see cref="FsrsScheduler.Next"/> computes it. Pure and
/// thread-safe.
/// </summary>
public sealed class ExamScheduler
{
    /// <summary>The target recall when none is set.</summary>
    public const double DefaultTarget = 0.9;

    private readonly FsrsScheduler _fsrs;
    private readonly double _decay;
    private readonly double _factor;

    /// <param name="lead">How long before the exam the last review must fall due at the latest (default 12 hours).</param>
    public ExamScheduler(FsrsScheduler fsrs, TimeSpan? lead = null)
    {
        _fsrs = fsrs;
        _decay = -fsrs.EffectiveWeights[20];
        _factor = Math.Exp(Math.Log(0.9) / _decay) - 1.0;
        Lead = lead ?? TimeSpan.FromHours(12);
        if (Lead < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lead), lead, "The lead before the exam cannot be negative.");
        }
    }

    public TimeSpan Lead { get; }

    public FsrsScheduler Fsrs => _fsrs;

    /// <summary>Predicted recall of a reviewed card at <paramref name="atUtc"/>: the FSRS-6 curve over the time since its last review.</summary>
    public double RecallAt(in FsrsCard card, DateTime atUtc)
    {
        if (card.State == CardState.New || card.LastReview is not { } last)
        {
            return 0;
        }
        var days = Math.Max((atUtc - last).TotalDays, 0);
        return Math.Pow(1 + _factor * days / Math.Max(card.Stability, FsrsWeights.MinStability), _decay);
    }

    /// <summary>
    /// The card as FSRS answered it (<paramref name="answered"/>, reviewed at <paramref name="nowUtc"/>)
    /// with its due time chosen for the first exam after now among <paramref name="examsUtc"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not strictly between 0 and 1.</exception>
    public ExamAdjustment Adjust(in FsrsCard answered, DateTime nowUtc, IEnumerable<DateTime> examsUtc, double target = DefaultTarget)
    {
        if (!(target > 0 && target < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The exam target recall must be strictly between 0 and 1 (e.g. 0.9).");
        }
        DateTime? next = null;
        foreach (var exam in examsUtc)
        {
            if (exam > nowUtc && (next is null || exam < next))
            {
                next = exam;
            }
        }
        if (next is not { } examUtc || answered.State != CardState.Review)
        {
            return new ExamAdjustment(answered, ExamDecision.Fsrs, double.NaN);
        }
        var recall = RecallAt(answered, examUtc);
        if (recall >= target)
        {
            return answered.Due >= examUtc
                ? new ExamAdjustment(answered, ExamDecision.Safe, recall)
                : new ExamAdjustment(WithDue(answered, nowUtc, examUtc), ExamDecision.Safe, recall);
        }
        if (answered.Due < examUtc)
        {
            return new ExamAdjustment(answered, ExamDecision.FsrsBeforeExam, recall);
        }
        // Whole days from now at which a review may fall due: 1 .. last, the last at least Lead before the exam.
        var last = (int)Math.Floor((examUtc - Lead - nowUtc).TotalDays);
        if (last < 1)
        {
            // Less than a day (plus the lead) left: the one review left to place is at the lead before the exam.
            var latest = examUtc - Lead;
            return latest > nowUtc
                ? new ExamAdjustment(WithDue(answered, nowUtc, latest), ExamDecision.Shortened, recall)
                : new ExamAdjustment(answered, ExamDecision.Fsrs, recall);
        }
        // Recall at the exam after a Good review on day k rises with k (more stability gained, less time
        // left to forget), so the earliest sufficient day is found by bisection.
        int low = 1, high = last;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (RecallAfterReview(answered, nowUtc.AddDays(mid), examUtc) >= target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return new ExamAdjustment(WithDue(answered, nowUtc, nowUtc.AddDays(low)), ExamDecision.Shortened, recall);
    }

    /// <summary>Predicted recall at the exam of a card answered Good at <paramref name="reviewUtc"/>.</summary>
    public double RecallAfterReview(in FsrsCard card, DateTime reviewUtc, DateTime examUtc)
    {
        var reviewed = _fsrs.Next(card, reviewUtc, Rating.Good);
        return reviewed.State == CardState.Review ? RecallAt(reviewed, examUtc) : 0;
    }

    private static FsrsCard WithDue(in FsrsCard card, DateTime nowUtc, DateTime due) =>
        card with { Due = due, ScheduledDays = (int)Math.Round((due - nowUtc).TotalDays) };
}
