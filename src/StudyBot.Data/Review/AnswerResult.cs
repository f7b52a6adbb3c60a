using StudyBot.Core.Decks;
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

    /// <summary>The card answered, as graded (from the engine's cache): a screen needs not read it again.</summary>
    public DeckCard? Card { get; init; }

    /// <summary>The deck of the card answered, read with the answer.</summary>
    public AnswerDeck? Deck { get; init; }

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

/// <summary>The deck a card belongs to, and the name of the guild that owns it (null when unknown or none).</summary>
public sealed record AnswerDeck(string Key, string Title, ulong GuildId, string? GuildName);

/// <summary>What an undo restored.</summary>
public sealed record UndoResult(long LogId, long UndoneLogId, int CardId, FsrsCard Restored, bool Duplicate);

/// <summary>How a quiz answer went.</summary>
public enum QuizAnswerStatus
{
    /// <summary>Graded, scheduled and recorded in the quiz, in one transaction.</summary>
    Saved,
    /// <summary>The student had answered this question already: the first answer stands.</summary>
    Repeated,
    /// <summary>The question was closed: nothing saved.</summary>
    Closed,
}

/// <summary>
/// A quiz answer's outcome: the question's card, what the quiz records of the answer (for a repeat,
/// the first answer's), its rating (none when closed) and, when saved, the review it made.
/// </summary>
public sealed record QuizAnswerResult(QuizAnswerStatus Status, DeckCard Card, string AnswerText, Rating? Rating, AnswerResult? Answer);

/// <summary>An answer to a review prompt that is no longer current (the card was answered or undone since it was shown).</summary>
public sealed class StaleAnswerException(string message) : Exception(message);
