using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Study;

/// <summary>One student's memory of one card with its leech flags: what an answer reads and changes.</summary>
public readonly record struct CardStudyState(FsrsCard Memory, bool Suspended, bool Leech)
{
    public static CardStudyState New(DateTime nowUtc) => new(FsrsCard.CreateNew(nowUtc), false, false);
}

/// <summary>
/// Changes the card FSRS scheduled before it is saved (for example, to bring a review forward to
/// an exam date). It must be a pure function of its arguments and of values the review log keeps
/// with the answer: <c>db verify</c> replays every answer through <see cref="AnswerDecision.Schedule"/>
/// with the adjustment rebuilt from the log, and must arrive at the state that was saved.
/// </summary>
public interface IScheduleAdjustment
{
    FsrsCard Adjust(in FsrsCard before, in FsrsCard scheduled, DateTime reviewedUtc, Rating rating);
}

/// <summary>How an answer is scheduled: the student's scheduler (retention, weights) and an optional adjustment of its result.</summary>
public sealed record AnswerScheduling(FsrsScheduler Scheduler, IScheduleAdjustment? Adjustment = null);

/// <summary>What an answer's read found, before anything is graded: what decides whether it is taken at all.</summary>
/// <param name="QuizQuestion">The answer is to a quiz question named by its id (a click on the quiz message).</param>
/// <param name="QuizAnsweredBefore">The student answered that question before (under any interaction).</param>
/// <param name="QuizClosed">The question was closed, or its time ran out at the answer's time.</param>
/// <param name="SavedUnderInteraction">An answer is saved under this interaction id already (a repeated click or delivery).</param>
/// <param name="ExpectedEntries">For a review prompt: how many log entries the card had when shown.</param>
/// <param name="Entries">How many log entries the card has now.</param>
public readonly record struct AnswerFacts(bool QuizQuestion, bool QuizAnsweredBefore, bool QuizClosed, bool SavedUnderInteraction, int? ExpectedEntries, int Entries);

/// <summary>What becomes of an answer before grading.</summary>
public enum AnswerGate
{
    /// <summary>Graded and scheduled: a new review is written.</summary>
    Take,
    /// <summary>The same interaction again: its first result stands, nothing is written.</summary>
    Repeat,
    /// <summary>A second answer to a quiz question: the first stands, whichever click it was.</summary>
    QuizRepeat,
    /// <summary>The quiz question is closed: nothing is saved.</summary>
    QuizClosed,
    /// <summary>The review prompt is no longer current (the card was answered or undone since it was shown).</summary>
    Stale,
}

/// <summary>
/// What a taken answer comes to: the grade and note, the state before and after, whether the card
/// became a leech, and the review's time (never before the card's last review).
/// </summary>
public sealed record AnswerOutcome(Rating Rating, string? Note, string? AnswerText, DateTime ReviewedUtc, CardStudyState Before, CardStudyState After, LeechOutcome Leech)
{
    /// <summary>What the student is told about a leech, if the card became (or still is) one.</summary>
    public string? LeechMessage => LeechRule.Message(Leech, After.Memory.Lapses);
}

/// <summary>
/// The decision an answer makes, without storage: whether it is taken (<see cref="Gate"/>), its
/// grade (<see cref="AnswerChecker"/>), its schedule (FSRS, then the schedule adjustment, then
/// Anki's leech rule). The review engine reads what an answer needs, calls this, and writes what it
/// returns; the log verifier replays saved answers through <see cref="Schedule"/>, the same step.
/// </summary>
public static class AnswerDecision
{
    /// <summary>
    /// Whether the answer is taken. A quiz question answered before, or closed, settles a quiz click
    /// first; then a repeat of the interaction; then a review prompt that moved on.
    /// </summary>
    public static AnswerGate Gate(in AnswerFacts facts)
    {
        if (facts.QuizQuestion && facts.QuizAnsweredBefore)
        {
            return AnswerGate.QuizRepeat;
        }
        if (facts.QuizQuestion && facts.QuizClosed)
        {
            return AnswerGate.QuizClosed;
        }
        if (facts.SavedUnderInteraction)
        {
            return AnswerGate.Repeat;
        }
        if (facts.ExpectedEntries is { } expected && expected != facts.Entries)
        {
            return AnswerGate.Stale;
        }
        return AnswerGate.Take;
    }

    /// <summary>
    /// Grades <paramref name="answer"/> against <paramref name="card"/> and schedules the card from
    /// <paramref name="before"/> (null: never answered). Answers may be taken out of the order they
    /// were stamped in; a review never goes back in time, so it is dated no earlier than the last.
    /// </summary>
    public static AnswerOutcome Decide(CardStudyState? before, DeckCard card, StudentAnswer answer, DateTime nowUtc, AnswerScheduling scheduling)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(scheduling);
        var verdict = AnswerChecker.Check(card, answer);
        var from = before ?? CardStudyState.New(nowUtc);
        var reviewedUtc = from.Memory.LastReview is { } last && last > nowUtc ? last : nowUtc;
        var (after, leech) = Schedule(from, reviewedUtc, verdict.Rating, scheduling);
        return new AnswerOutcome(verdict.Rating, verdict.Note, answer.LogText, reviewedUtc, from, after, leech);
    }

    /// <summary>
    /// The state a graded answer leaves: FSRS, the adjustment if any, then the leech rule (a card
    /// that becomes a leech, or lapses again as one, is suspended; suspension is never lifted here).
    /// </summary>
    public static (CardStudyState After, LeechOutcome Leech) Schedule(in CardStudyState before, DateTime reviewedUtc, Rating rating, AnswerScheduling scheduling)
    {
        ArgumentNullException.ThrowIfNull(scheduling);
        var next = scheduling.Scheduler.Next(before.Memory, reviewedUtc, rating);
        if (scheduling.Adjustment is { } adjustment)
        {
            next = adjustment.Adjust(before.Memory, next, reviewedUtc, rating);
        }
        var leech = LeechRule.Evaluate(before.Memory.Lapses, next.Lapses);
        var flagged = leech != LeechOutcome.None;
        return (new CardStudyState(next, before.Suspended || flagged, before.Leech || flagged), leech);
    }
}
