using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Review;

namespace StudyBot.Features.Review;

/// <summary>A card as put in front of a student: which prompt instance it is and in which session scope.</summary>
public sealed record ReviewPrompt(int CardId, int Nonce, int Scope, string DeckTitle, DeckCard Card, QueueKind Queue)
{
    /// <summary>Cards still to study today in the session's scope, this one included (null when not counted).</summary>
    public DueCounts? Left { get; init; }

    /// <summary>The exams ahead in the session's decks, one line each ("exam in 12 days: 34 cards to secure").</summary>
    public IReadOnlyList<string> Exams { get; init; } = [];
}

/// <summary>A basic or cloze card with its answer shown, and the interval each grade would give.</summary>
public sealed record ReviewReveal(ReviewPrompt Prompt, IReadOnlyList<(Rating Rating, TimeSpan Interval)> Intervals);

/// <summary>What an answer did, to show right/wrong, the explanation and the next due time.</summary>
public sealed record ReviewOutcome(ReviewPrompt Prompt, AnswerResult Result, string? Given, DateTime AnsweredUtc)
{
    /// <summary>The student pressed "I was right": the wrong grade was undone and the answer counted as Good.</summary>
    public bool Overridden { get; init; }

    /// <summary>Cards still to study today after this answer (null when not counted).</summary>
    public DueCounts? Left { get; init; }
}

/// <summary>
/// Nothing is due now: either a learning card comes back soon (<see cref="NextDueUtc"/>, worth
/// waiting for) or the day is done. <see cref="Session"/> sums up the session that just ended.
/// </summary>
public sealed record ReviewEnd(int Scope, DateTime NowUtc, DateTime? NextDueUtc, SessionSummary? Session)
{
    /// <summary>What is left today (learning cards coming back later among them; null when not counted).</summary>
    public DueCounts? Left { get; init; }
}
