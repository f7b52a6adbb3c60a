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
    DateTime NowUtc)
{
    public TaskCompletionSource<AnswerResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
