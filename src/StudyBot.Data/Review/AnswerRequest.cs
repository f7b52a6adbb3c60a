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

    /// <summary>
    /// For a quiz question: what the answer is graded as and what its quiz row records, given the card and
    /// the choices stored with the question (null when it is asked in the card's own form).
    /// </summary>
    public Func<DeckCard, string?, QuizAnswerForm>? QuizForm { get; init; }
}

/// <summary>A quiz answer as graded (a chosen button of a basic card is graded as that text typed) and as its row records it.</summary>
public sealed record QuizAnswerForm(StudentAnswer Answer, string Text);

/// <summary>The quiz row an answer also records, written in the same transaction as the review.</summary>
public sealed record QuizAnswerDraft(long QuizId, string AnswerText);

/// <summary>An answer waiting for the writer, which reads, grades and saves it and settles its completion.</summary>
internal sealed class PendingAnswer(AnswerRequest request)
{
    public AnswerRequest Request { get; } = request;

    /// <summary>Writes of it that failed (its state moved on under another writer, or a row was written meanwhile).</summary>
    public int Attempts { get; set; }

    /// <summary>Those of its failed writes that broke a constraint (rather than finding the card's state moved on).</summary>
    public int ConstraintFailures { get; set; }

    /// <summary>The answer's result (and quiz result, for a quiz), or its refusal, after the commit that holds it.</summary>
    public TaskCompletionSource<(AnswerResult Result, QuizAnswerResult? Quiz)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
