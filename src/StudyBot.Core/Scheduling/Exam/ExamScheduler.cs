namespace StudyBot.Core.Scheduling.Exam;

/// <summary>Why <see cref="ExamScheduler.Answer"/> chose the due time it returned.</summary>
public enum ExamDecision
{
    /// <summary>No exam ahead, or a (re)learning step on the last study day before it: FSRS as it is.</summary>
    Fsrs,

    /// <summary>The exam is further than a review at the building retention: a review that builds stability, in whole days.</summary>
    Build,

    /// <summary>Predicted recall at the exam already reaches the target with the margin: no review before it.</summary>
    Safe,

    /// <summary>The final review before the exam: the earliest day from which a recalled review reaches the target at the exam.</summary>
    Shortened,

    /// <summary>Rule 1 only: FSRS's own due time already falls before the exam; the rule applies again at that review.</summary>
    FsrsBeforeExam,
}

/// <summary>The card to store and why its due time is what it is.</summary>
/// <param name="RecallAtExam">The cautious prediction of recall at the exam (see <see cref="ExamScheduler.CautiousRecallAt"/>), NaN without an exam.</param>
public readonly record struct ExamAdjustment(FsrsCard Card, ExamDecision Decision, double RecallAtExam);

/// <summary>
/// Scheduling to a deadline with FSRS-6. Recall on the exam day depends on the last review before the
/// exam and the gap after it; earlier reviews matter only for the stability they build, cheaply. So the
/// review days of a card are planned backwards from the exam:
/// <list type="bullet">
/// <item><b>Final review.</b> The earliest whole day from which a recalled (Good) review leaves the card
/// at the target at the exam instant, with a margin for model error (<see cref="CautiousRecallAt"/>:
/// the prediction assumes half the stability FSRS estimates, because a student's memory is not FSRS's
/// model and the estimate from few answers is uncertain by about that factor). Earlier would not suffice;
/// later would cost the same one review with more forgetting risk unused.</item>
/// <item><b>Building reviews.</b> Before that day, a card comes back when its predicted recall falls to
/// <see cref="BuildRetention"/> (0.8, or the student's own retention if lower): far from the exam, a lower retention means fewer reviews and a larger
/// stability gain per review (the spacing effect); what the exam needs is secured by the final review.</item>
/// <item><b>Safe cards.</b> A card whose cautious recall at the exam already reaches the target is not
/// reviewed before the exam: it is due at the exam or at the student's own FSRS interval, whichever is later.</item>
/// <item><b>No same-day steps far from the exam.</b> While a whole day is left before the exam, answers
/// schedule whole days (FSRS without (re)learning steps): a forgotten card returns the next day. On the
/// last study day, FSRS's steps apply, since no later day is left.</item>
/// <item>After the last exam, plain FSRS.</item>
/// </list>
/// That is the current rule (<see cref="ExamRule.V2"/>); an earlier version (<see cref="ExamRule"/>)
/// is the same scheduler with what changed set as it was, so answers logged under it replay as answered.
/// Pure, deterministic and thread-safe: a replay with the same exam, target and rule gives the same card.
/// </summary>
public sealed class ExamScheduler
{
    /// <summary>The target recall when none is set.</summary>
    public const double DefaultTarget = 0.9;

    /// <summary>The recall at which building reviews fall due.</summary>
    public const double BuildRetention = 0.8;

    private readonly FsrsScheduler _fsrs;
    private readonly FsrsScheduler _days;
    private readonly double _decay;
    private readonly double _factor;

    /// <param name="fsrs">The student's scheduler (weights, retention, steps), used on the last study day and after the exams.</param>
    /// <param name="lead">How long before the exam the last review must fall due at the latest (default 12 hours).</param>
    /// <param name="rule">The version of the rule (default <see cref="ExamRule.Current"/>); a replay passes the one the log recorded.</param>
    public ExamScheduler(FsrsScheduler fsrs, TimeSpan? lead = null, ExamRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(fsrs);
        _fsrs = fsrs;
        Rule = rule ?? ExamRule.Current;
        _days = new FsrsScheduler(fsrs.Parameters with
        {
            EnableShortTerm = false,
            DesiredRetention = Math.Min(BuildRetention, fsrs.Parameters.DesiredRetention),
            EnableFuzz = false,
        });
        _decay = -fsrs.EffectiveWeights[20];
        _factor = Math.Exp(Math.Log(0.9) / _decay) - 1.0;
        Lead = lead ?? TimeSpan.FromHours(12);
        if (Lead < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lead), lead, "The lead before the exam cannot be negative.");
        }
    }

    public TimeSpan Lead { get; }

    public ExamRule Rule { get; }

    public FsrsScheduler Fsrs => _fsrs;

    /// <summary>Predicted recall of a reviewed card at <paramref name="atUtc"/>: the FSRS-6 curve over the time since its last review.</summary>
    public double RecallAt(in FsrsCard card, DateTime atUtc) => Recall(card, atUtc, 1.0);

    /// <summary>The prediction the exam rule relies on: the FSRS-6 curve with the stability divided by the rule's <see cref="ExamRule.StabilityMargin"/>.</summary>
    public double CautiousRecallAt(in FsrsCard card, DateTime atUtc) => Recall(card, atUtc, Rule.StabilityMargin);

    private double Recall(in FsrsCard card, DateTime atUtc, double margin)
    {
        if (card.State == CardState.New || card.LastReview is not { } last)
        {
            return 0;
        }
        var days = Math.Max((atUtc - last).TotalDays, 0);
        return Math.Pow(1 + _factor * days * margin / Math.Max(card.Stability, FsrsWeights.MinStability), _decay);
    }

    /// <summary>The next exam after <paramref name="nowUtc"/> among <paramref name="examsUtc"/>, if any.</summary>
    public static DateTime? NextExam(IEnumerable<DateTime> examsUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(examsUtc);
        DateTime? next = null;
        foreach (var exam in examsUtc)
        {
            if (exam > nowUtc && (next is null || exam < next))
            {
                next = exam;
            }
        }
        return next;
    }

    /// <summary>
    /// The card <paramref name="before"/> answered <paramref name="rating"/> at <paramref name="nowUtc"/>,
    /// scheduled for the first exam after now among <paramref name="examsUtc"/> with the target recall <paramref name="target"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not strictly between 0 and 1.</exception>
    public ExamAdjustment Answer(in FsrsCard before, DateTime nowUtc, Rating rating, IEnumerable<DateTime> examsUtc, double target = DefaultTarget)
    {
        CheckTarget(target);
        if (NextExam(examsUtc, nowUtc) is not { } examUtc)
        {
            return new ExamAdjustment(_fsrs.Next(before, nowUtc, rating), ExamDecision.Fsrs, double.NaN);
        }
        var lastDay = nowUtc.AddDays(1) > examUtc - Lead;
        var answered = lastDay || !Rule.PlansBackwards ? _fsrs.Next(before, nowUtc, rating) : _days.Next(before, nowUtc, rating);
        return answered.State == CardState.Review
            ? Plan(answered, nowUtc, examUtc, target)
            : new ExamAdjustment(answered, ExamDecision.Fsrs, double.NaN);
    }

    /// <summary>
    /// The due time of a card in review (last reviewed at <paramref name="nowUtc"/>) before the exam at
    /// <paramref name="examUtc"/>: safe (at the exam, or its own due time if later), a building review, or the final review.
    /// </summary>
    public ExamAdjustment Plan(in FsrsCard answered, DateTime nowUtc, DateTime examUtc, double target = DefaultTarget)
    {
        CheckTarget(target);
        var recall = CautiousRecallAt(answered, examUtc);
        if (recall >= target)
        {
            if (!Rule.SafeWaitsForOwnInterval)
            {
                return new ExamAdjustment(answered.Due >= examUtc ? answered : WithDue(answered, nowUtc, examUtc), ExamDecision.Safe, recall);
            }
            var afterExam = nowUtc.AddDays(IntervalAfterExam(answered));
            return new ExamAdjustment(WithDue(answered, nowUtc, afterExam > examUtc ? afterExam : examUtc), ExamDecision.Safe, recall);
        }
        if (!Rule.PlansBackwards && answered.Due < examUtc)
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
        var final = FinalReviewDay(answered, nowUtc, examUtc, target, last);
        var build = (int)Math.Round((answered.Due - nowUtc).TotalDays);
        return Rule.PlansBackwards && build >= 1 && build < final
            ? new ExamAdjustment(WithDue(answered, nowUtc, nowUtc.AddDays(build)), ExamDecision.Build, recall)
            : new ExamAdjustment(WithDue(answered, nowUtc, nowUtc.AddDays(final)), ExamDecision.Shortened, recall);
    }

    /// <summary>
    /// Whole days until a safe card is due: the student's own FSRS interval for its stability (their desired
    /// retention, at least a day, at most their maximum interval), so that after the exam it is on their usual schedule.
    /// </summary>
    public int IntervalAfterExam(in FsrsCard card)
    {
        var p = _fsrs.Parameters;
        var days = Math.Round(Math.Max(card.Stability, FsrsWeights.MinStability) / _factor * (Math.Pow(p.DesiredRetention, 1 / _decay) - 1));
        return (int)Math.Clamp(days, 1, p.MaximumInterval);
    }

    /// <summary>
    /// The earliest of days 1 .. <paramref name="last"/> from now whose recalled review reaches the target
    /// at the exam (cautiously), or <paramref name="last"/> when none does. That recall rises with the day
    /// (more stability gained, less time left to forget), so the day is found by bisection.
    /// </summary>
    public int FinalReviewDay(in FsrsCard card, DateTime nowUtc, DateTime examUtc, double target, int last)
    {
        int low = 1, high = last;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (RecallAfterReview(card, nowUtc.AddDays(mid), examUtc) >= target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return low;
    }

    /// <summary>
    /// Cautious recall at the exam of a card answered Good at <paramref name="reviewUtc"/>: in whole days,
    /// as before the last day (rule 1: by the student's own FSRS, and 0 unless that leaves the card in review).
    /// </summary>
    public double RecallAfterReview(in FsrsCard card, DateTime reviewUtc, DateTime examUtc)
    {
        if (Rule.PlansBackwards)
        {
            return CautiousRecallAt(_days.Next(card, reviewUtc, Rating.Good), examUtc);
        }
        var reviewed = _fsrs.Next(card, reviewUtc, Rating.Good);
        return reviewed.State == CardState.Review ? CautiousRecallAt(reviewed, examUtc) : 0;
    }

    private static void CheckTarget(double target)
    {
        if (!(target > 0 && target < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The exam target recall must be strictly between 0 and 1 (e.g. 0.9).");
        }
    }

    private static FsrsCard WithDue(in FsrsCard card, DateTime nowUtc, DateTime due) =>
        card with { Due = due, ScheduledDays = (int)Math.Round((due - nowUtc).TotalDays) };
}
