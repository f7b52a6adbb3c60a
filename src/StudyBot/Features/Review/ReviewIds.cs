using System.Globalization;
using StudyBot.Core.Scheduling;

namespace StudyBot.Features.Review;

/// <summary>
/// The custom_ids of review prompts: a prefix, then numbers joined by ':'. Prompts carry the card id
/// and the prompt's nonce (how many log entries the student had for that card when it was shown),
/// so a click on an old prompt is recognised and every click on one prompt saves under the same
/// key. The last number is the scope: the deck the session is limited to, 0 for all decks.
/// </summary>
public static class ReviewIds
{
    public const string ShowAnswer = "rv:s:";
    public const string Type = "rv:t:";
    public const string Choice = "rv:c:";
    public const string Grade = "rv:g:";
    public const string Modal = "rv:m:";
    public const string Next = "rv:n:";
    public const string Undo = "rv:u:";
    public const string Override = "rv:o:";

    public const string AnswerField = "answer";

    public static string Prompt(string prefix, int cardId, int nonce, int scope) => Join(prefix, cardId, nonce, scope);

    public static string ChoiceOf(int cardId, int nonce, int index, int scope) => Join(Choice, cardId, nonce, index, scope);

    public static string GradeOf(int cardId, int nonce, Rating rating, int scope) => Join(Grade, cardId, nonce, (int)rating, scope);

    public static string UndoOf(long logId, int scope) => Join(Undo, logId, scope);

    public static string NextOf(int scope) => Join(Next, scope);

    public static string OverrideOf(long logId, int scope) => Join(Override, logId, scope);

    /// <summary>The idempotency keys of an "I was right" on answer <paramref name="logId"/>: the undo of the wrong grade, then the Good answer.</summary>
    public static (string Undo, string Answer) OverrideKeys(long logId)
        => (string.Create(CultureInfo.InvariantCulture, $"override-undo:{logId}"), string.Create(CultureInfo.InvariantCulture, $"override:{logId}"));

    /// <summary>The idempotency key of an answer to one prompt: every click on that prompt maps to it.</summary>
    public static string AnswerKey(ulong userId, int cardId, int nonce) => string.Create(CultureInfo.InvariantCulture, $"review:{userId}:{cardId}:{nonce}");

    public static string UndoKey(long logId) => string.Create(CultureInfo.InvariantCulture, $"undo:{logId}");

    /// <summary>The numbers after the prefix, or null when the custom_id is not one of ours (e.g. from an older version).</summary>
    public static long[]? Parse(string argument, int count)
    {
        var parts = argument.Split(':');
        if (parts.Length != count)
        {
            return null;
        }

        var numbers = new long[count];
        for (var i = 0; i < count; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return numbers;
    }

    private static string Join(string prefix, params long[] numbers)
        => prefix + string.Join(':', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
}
