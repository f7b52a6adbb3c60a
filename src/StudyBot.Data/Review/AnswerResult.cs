using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>What an answer did. A repeated interaction gets the first result back with <see cref="Duplicate"/> set.</summary>
public sealed record AnswerResult(
    long LogId,
    int CardId,
    Rating Rating,
    FsrsCard Before,
    FsrsCard After,
    bool Suspended,
    LeechOutcome Leech,
    string? Note,
    bool Duplicate)
{
    public DateTime NextDueUtc => After.Due;

    /// <summary>The message for the student when the card became (or still is) a leech.</summary>
    public string? LeechMessage => LeechRule.Message(Leech, After.Lapses);

    internal static AnswerResult FromLog(ReviewLogEntry entry, bool duplicate) => new(
        entry.Id,
        entry.CardId,
        entry.Rating ?? throw new InvalidOperationException($"Log entry {entry.Id} is not an answer."),
        entry.Before.ToFsrs(),
        entry.After.ToFsrs(),
        entry.After.Suspended,
        LeechRule.Evaluate(entry.Before.Lapses, entry.After.Lapses),
        entry.Note,
        duplicate);
}

/// <summary>What an undo restored.</summary>
public sealed record UndoResult(long LogId, long UndoneLogId, int CardId, FsrsCard Restored, bool Duplicate);
