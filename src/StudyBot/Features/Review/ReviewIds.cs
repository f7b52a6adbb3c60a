using System.Globalization;
using StudyBot.Core.Scheduling;
using StudyBot.Discord.Interactions;
using static StudyBot.Discord.Interactions.CustomIdField;

namespace StudyBot.Features.Review;

/// <summary>
/// One showing of a card: the card, the prompt's nonce (how many log entries the student had for that
/// card when it was shown, so a click on an old prompt is recognised and every click on one prompt
/// saves under the same key) and the scope (the deck the session is limited to, 0 for all decks).
/// </summary>
public sealed record ReviewPromptId(int CardId, int Nonce, int Scope);

/// <summary>A choice button of a multiple-choice prompt: the prompt and the index of the choice.</summary>
public sealed record ReviewChoiceId(int CardId, int Nonce, int ChoiceIndex, int Scope);

/// <summary>A grade button under a revealed answer: the prompt and the rating.</summary>
public sealed record ReviewGradeId(int CardId, int Nonce, Rating Rating, int Scope);

/// <summary>A button under an answer (undo, "I was right"): the review log entry it acts on, and the scope.</summary>
public sealed record ReviewAnswerId(long LogId, int Scope);

/// <summary>An instructor's "accept for everyone" under /overrides: the review log entry whose wording is accepted (any student's).</summary>
public sealed record WordingId(long LogId);

/// <summary>A "Next card" or "Start review" button: the scope the session continues in.</summary>
public sealed record ReviewNextId(int Scope);

/// <summary>
/// Every custom_id of the review screens, and what each number in it means: a prefix, then numbers
/// joined by ':'. These layouts are on buttons already posted in Discord, so they never change.
/// </summary>
public static class ReviewIds
{
    public const string AnswerField = "answer";

    /// <summary>"Show answer": <c>rv:s:{cardId}:{nonce}:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewPromptId> ShowAnswer = Prompt("rv:s:");

    /// <summary>"Answer" / "Type the blank", opening the answer modal: <c>rv:t:{cardId}:{nonce}:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewPromptId> Type = Prompt("rv:t:");

    /// <summary>The answer modal: <c>rv:m:{cardId}:{nonce}:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewPromptId> Modal = Prompt("rv:m:");

    /// <summary>A choice of a multiple-choice prompt: <c>rv:c:{cardId}:{nonce}:{choice}:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewChoiceId> Choice = new(
        "rv:c:", [Int("cardId"), Int("nonce"), Int("choice"), Int("scope")],
        c => [c.CardId, c.Nonce, c.ChoiceIndex, c.Scope],
        n => new ReviewChoiceId((int)n[0], (int)n[1], (int)n[2], (int)n[3]));

    /// <summary>A grade under a revealed answer, the rating as its number: <c>rv:g:{cardId}:{nonce}:{rating}:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewGradeId> Grade = new(
        "rv:g:", [Int("cardId"), Int("nonce"), Int("rating"), Int("scope")],
        g => [g.CardId, g.Nonce, (int)g.Rating, g.Scope],
        n => Enum.IsDefined((Rating)n[2]) ? new ReviewGradeId((int)n[0], (int)n[1], (Rating)n[2], (int)n[3]) : null);

    /// <summary>"Undo" under an answer: <c>rv:u:{logId}:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewAnswerId> Undo = Answered("rv:u:");

    /// <summary>"I was right" under an answer marked wrong: <c>rv:o:{logId}:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewAnswerId> Override = Answered("rv:o:");

    /// <summary>/overrides' button accepting a student's wording for everyone: <c>ov:a:{wordingId}</c>, the id of the answer's log entry.</summary>
    public static readonly CustomIdKind<WordingId> AcceptWording = new(
        "ov:a:", [Long("wordingId")],
        w => [w.LogId],
        n => new WordingId(n[0]));

    /// <summary>"Next card" / "Start review": <c>rv:n:{scope}</c>.</summary>
    public static readonly CustomIdKind<ReviewNextId> Next = new(
        "rv:n:", [Int("scope")],
        x => [x.Scope],
        n => new ReviewNextId((int)n[0]));

    /// <summary>
    /// The idempotency keys of user <paramref name="userId"/>'s "I was right" on answer <paramref name="logId"/>:
    /// the undo of the wrong grade, then the Good answer. Every key names its user, so one user's click
    /// can never find (and be shown) another's saved result.
    /// </summary>
    public static (string Undo, string Answer) OverrideKeys(ulong userId, long logId)
        => (string.Create(CultureInfo.InvariantCulture, $"override-undo:{userId}:{logId}"), string.Create(CultureInfo.InvariantCulture, $"override:{userId}:{logId}"));

    /// <summary>The idempotency key of an answer to one prompt: every click on that prompt maps to it.</summary>
    public static string AnswerKey(ulong userId, int cardId, int nonce) => string.Create(CultureInfo.InvariantCulture, $"review:{userId}:{cardId}:{nonce}");

    /// <summary>The idempotency key of user <paramref name="userId"/>'s Undo of answer <paramref name="logId"/>.</summary>
    public static string UndoKey(ulong userId, long logId) => string.Create(CultureInfo.InvariantCulture, $"undo:{userId}:{logId}");

    private static CustomIdKind<ReviewPromptId> Prompt(string prefix) => new(
        prefix, [Int("cardId"), Int("nonce"), Int("scope")],
        p => [p.CardId, p.Nonce, p.Scope],
        n => new ReviewPromptId((int)n[0], (int)n[1], (int)n[2]));

    private static CustomIdKind<ReviewAnswerId> Answered(string prefix) => new(
        prefix, [Long("logId"), Int("scope")],
        a => [a.LogId, a.Scope],
        n => new ReviewAnswerId(n[0], (int)n[1]));
}
