using StudyBot.Core.Answers;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>One answer waiting to be written.</summary>
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
    public TaskCompletionSource<AnswerResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The quiz row an answer also records, written in the same transaction as the review.</summary>
public sealed record QuizAnswerDraft(long QuizId, string AnswerText);
