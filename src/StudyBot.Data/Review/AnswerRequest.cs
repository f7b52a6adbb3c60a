using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>One answer as a caller asked for it.</summary>
internal sealed record AnswerRequest(
    ulong UserId,
    int CardId,
    StudentAnswer Answer,
    string InteractionId,
    TimeSpan ResponseTime,
    ReviewSource Source,
    DateTime NowUtc,
    QuizAnswerDraft? Quiz = null)
{
    /// <summary>For a review prompt: how many log entries the card had when it was shown; the answer is refused as stale otherwise.</summary>
    public int? ExpectedEntries { get; init; }

    /// <summary>For a quiz question answered by its id: the quiz (whose card is answered) and what its row records of the answer.</summary>
    public long? QuizId { get; init; }

    public Func<DeckCard, string>? QuizText { get; init; }
}

/// <summary>The quiz row an answer also records, written in the same transaction as the review.</summary>
public sealed record QuizAnswerDraft(long QuizId, string AnswerText);

/// <summary>
/// A read and graded answer waiting for the writer, with what the writer needs to schedule it
/// (the state as read; the writer continues from a state an earlier answer of the same batch left).
/// </summary>
internal sealed class PendingAnswer(AnswerRequest request, AnswerRead read, DeckCard card, AnswerVerdict verdict, long? quizId, string? quizText)
{
    public AnswerRequest Request { get; } = request;
    public AnswerRead Read { get; } = read;
    public DeckCard Card { get; } = card;
    public AnswerVerdict Verdict { get; } = verdict;
    public long? QuizId { get; } = quizId;
    public string? QuizText { get; } = quizText;

    /// <summary>Its write broke a constraint (rather than finding the card's state moved on).</summary>
    public bool BrokeConstraint { get; set; }

    /// <summary>The context the answer was read on; written on too when its caller writes it alone.</summary>
    public StudyDbContext? Context { get; init; }

    /// <summary>The saved answer (its text recorded in the quiz, if any), or null when it lost a race and must be read again.</summary>
    public TaskCompletionSource<WriteOutcome?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What the writer saved for one answer.</summary>
internal sealed record WriteOutcome(AnswerResult Result, string? QuizText);
