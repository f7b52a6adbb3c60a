using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StudyBot.Core.Scheduling;

/// <summary>The four outcomes of answering a card now (the intervals shown on answer buttons).</summary>
public readonly record struct SchedulingPreview(FsrsCard Again, FsrsCard Hard, FsrsCard Good, FsrsCard Easy)
{
    public FsrsCard this[Rating rating] => rating switch
    {
        Rating.Again => Again,
        Rating.Hard => Hard,
        Rating.Good => Good,
        Rating.Easy => Easy,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Rating must be 1-4."),
    };
}

/// <summary>
/// FSRS-6, agreeing with ts-fsrs 5.4.2 (its FSRS.next with the default seed strategy). Time is always
/// an argument. <see cref="Next"/> allocates nothing: every weight-only term is computed here, once.
/// Immutable and thread-safe: build one per settings and share it.
/// </summary>
public sealed partial class FsrsScheduler
{
    private readonly FsrsModel _model;
    private readonly LearningSteps _steps;
    private readonly bool _shortTerm;
    private readonly bool _fuzz;

    /// <exception cref="ArgumentException">A setting is invalid; the message names it, its value and, for weights, the index.</exception>
    public FsrsScheduler(FsrsParameters? parameters = null)
    {
        Parameters = parameters ?? new FsrsParameters();
        var p = Parameters;
        if (!(p.DesiredRetention > 0 && p.DesiredRetention < 1))
        {
            throw new ArgumentException(Invariant($"FSRS desired retention is {p.DesiredRetention}; it must be strictly between 0 and 1 (e.g. 0.9)."));
        }
        if (p.MaximumInterval < 1)
        {
            throw new ArgumentException(Invariant($"FSRS maximum interval is {p.MaximumInterval} days; it must be at least 1."));
        }
        var learning = StepMinutes(p.LearningSteps, "learning");
        var relearning = StepMinutes(p.RelearningSteps, "relearning");
        var weights = FsrsWeights.Resolve(p.Weights, relearning.Length, p.EnableShortTerm);
        _model = new FsrsModel(weights, p.DesiredRetention, p.MaximumInterval, p.EnableShortTerm);
        _steps = new LearningSteps(learning, relearning);
        _shortTerm = p.EnableShortTerm;
        _fuzz = p.EnableFuzz;
        EffectiveWeights = Array.AsReadOnly(weights);
    }

    public FsrsParameters Parameters { get; }

    /// <summary>The 21 weights in use after defaults, the FSRS-5 upgrade and mode-dependent clamps.</summary>
    public IReadOnlyList<double> EffectiveWeights { get; }

    /// <summary>The card after answering <paramref name="rating"/> at <paramref name="nowUtc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is not 1-4.</exception>
    /// <exception cref="ArgumentException">The time is before the card's last review, or the card's fields are invalid.</exception>
    public FsrsCard Next(in FsrsCard card, DateTime nowUtc, Rating rating)
    {
        var grade = (int)rating;
        if ((uint)(grade - 1) > 3)
        {
            ThrowBadRating(rating);
        }
        var now = AsUtc(nowUtc);
        var elapsedDays = 0;
        if (card.LastReview is { } lastReview)
        {
            var last = AsUtc(lastReview);
            if (now < last)
            {
                ThrowTimeBeforeLastReview(now, last);
            }
            if (card.State != CardState.New)
            {
                elapsedDays = ElapsedDays(last, now);
            }
        }
        if (!IsValid(card))
        {
            ThrowInvalidCard(card);
        }
        var review = new ReviewContext(now, elapsedDays, card);
        return _shortTerm ? NextShortTerm(card, ref review, grade) : NextLongTerm(card, ref review, grade);
    }

    /// <summary>All four outcomes of answering now, for the answer buttons.</summary>
    public SchedulingPreview Preview(in FsrsCard card, DateTime nowUtc) => new(
        Next(card, nowUtc, Rating.Again),
        Next(card, nowUtc, Rating.Hard),
        Next(card, nowUtc, Rating.Good),
        Next(card, nowUtc, Rating.Easy));

    /// <summary>
    /// The probability of recall at <paramref name="nowUtc"/>, as ts-fsrs's get_retrievability computes
    /// it: whole 24-hour periods since the last review; 0 for a new card.
    /// </summary>
    public double Retrievability(in FsrsCard card, DateTime nowUtc)
    {
        if (card.State == CardState.New)
        {
            return 0;
        }
        if (card.LastReview is not { } lastReview)
        {
            throw new ArgumentException($"A {card.State} card must have a last review time to compute retrievability.");
        }
        if (!double.IsFinite(card.Stability) || card.Stability < FsrsWeights.MinStability)
        {
            throw new ArgumentException(Invariant($"Card stability {card.Stability} is invalid: a reviewed card's stability is at least {FsrsWeights.MinStability}."));
        }
        var ticks = AsUtc(nowUtc).Ticks - AsUtc(lastReview).Ticks;
        var days = Math.Max(ticks / TimeSpan.TicksPerDay, 0);
        return _model.ForgettingCurve(days, JsMath.Round8(card.Stability));
    }

    private static double[] StepMinutes(IReadOnlyList<TimeSpan>? steps, string name)
    {
        if (steps is null)
        {
            return [];
        }
        var minutes = new double[steps.Count];
        for (var i = 0; i < minutes.Length; i++)
        {
            if (steps[i] < TimeSpan.Zero)
            {
                throw new ArgumentException(Invariant($"FSRS {name} step {i} is {steps[i]}; steps cannot be negative."));
            }
            minutes[i] = steps[i].TotalMinutes;
        }
        return minutes;
    }

    private static bool IsValid(in FsrsCard card)
    {
        var d = card.Difficulty;
        var s = card.Stability;
        var memoryValid = (d == 0 && s == 0) || (d >= 1 && d <= 10 && s >= FsrsWeights.MinStability && s <= FsrsWeights.MaxStability);
        return memoryValid && (uint)card.State <= (uint)CardState.Relearning && (card.Reps | card.Lapses | card.LearningSteps) >= 0;
    }

    /// <summary>Days between the UTC calendar dates of the last review and now (23:59 to 00:01 is 1 day).</summary>
    private static int ElapsedDays(DateTime last, DateTime now) =>
        (int)(now.Ticks / TimeSpan.TicksPerDay - last.Ticks / TimeSpan.TicksPerDay);

    // The throw helpers keep message formatting out of Next, so its hot path stays small.
    [DoesNotReturn]
    private static void ThrowBadRating(Rating rating) =>
        throw new ArgumentOutOfRangeException(nameof(rating), rating, Invariant($"Rating {(int)rating} is not a grade: use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."));

    [DoesNotReturn]
    private static void ThrowTimeBeforeLastReview(DateTime now, DateTime last) =>
        throw new ArgumentException(Invariant($"Review time {now:O} is before the card's last review {last:O}."));

    [DoesNotReturn]
    private static void ThrowInvalidCard(in FsrsCard card)
    {
        if ((uint)card.State > (uint)CardState.Relearning)
        {
            throw new ArgumentException(Invariant($"Card state {(int)card.State} is not one of 0 (New), 1 (Learning), 2 (Review), 3 (Relearning)."));
        }
        if (card.Reps < 0 || card.Lapses < 0 || card.LearningSteps < 0)
        {
            throw new ArgumentException(Invariant($"Card counters cannot be negative (reps {card.Reps}, lapses {card.Lapses}, learning step {card.LearningSteps})."));
        }
        throw new ArgumentException(Invariant($"Card memory state is invalid (difficulty {card.Difficulty}, stability {card.Stability}): difficulty must be 1-10 and stability {FsrsWeights.MinStability}-{FsrsWeights.MaxStability}, or both 0 for a new card."));
    }

    // Times from SQLite come back Unspecified; they are stored as UTC.
    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
