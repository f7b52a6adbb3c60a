using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>
/// What one graded answer does to a card's memory: FSRS, then the leech rule. The review engine and
/// the log verifier both go through here, so a replay computes exactly what was saved.
/// </summary>
public static class AnswerTransition
{
    public static (CardMemory After, LeechOutcome Leech) Apply(FsrsScheduler scheduler, CardMemory before, DateTime nowUtc, Rating rating)
    {
        var next = scheduler.Next(before.ToFsrs(), nowUtc, rating);
        var leech = LeechRule.Evaluate(before.Lapses, next.Lapses);
        var flagged = leech != LeechOutcome.None;
        return (CardMemory.From(next, before.Suspended || flagged, before.Leech || flagged), leech);
    }
}
