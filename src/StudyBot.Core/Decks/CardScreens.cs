using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks;

/// <summary>
/// How much of one Discord embed each part of a review screen may take. The review screens cut
/// every part to its share, and deck validation refuses a card whose own text (prompt or revealed
/// sentence, first answer, explanation) would not fit beside the screen's text within Discord's
/// 6,000 characters per embed: a card that passes validation can always be shown.
/// </summary>
public static class CardScreens
{
    /// <summary>An embed field's value: the answer and the explanation are each shown in one.</summary>
    public const int FieldValue = 1024;

    /// <summary>The author line: deck title (at most 100), queue and cards left today.</summary>
    public const int Author = 256;

    /// <summary>A screen's title ("Almost: counted as Hard", "Counted as right", ...).</summary>
    public const int Title = 40;

    /// <summary>What the student typed, as shown back (the answer box takes at most this many characters).</summary>
    public const int Given = 200;

    /// <summary>What the student is told about the grade.</summary>
    public const int Note = 400;

    /// <summary>The next review line.</summary>
    public const int NextReview = 100;

    /// <summary>The leech warning.</summary>
    public const int Leech = 300;

    /// <summary>The footer: a hint (at most <see cref="Hint"/>) or an instruction, and cards left today.</summary>
    public const int Footer = 260;

    /// <summary>A cloze hint, as shown in the footer.</summary>
    public const int Hint = 200;

    /// <summary>Field names ("You answered", "Answer", "Note", "From the reading", "Next review", "Leech").</summary>
    public const int FieldNames = 100;

    /// <summary>Everything a screen adds around the card's own text.</summary>
    public const int Overhead = Author + Title + Given + Note + NextReview + Leech + Footer + FieldNames;

    /// <summary>The text the screens show as the card's body: the prompt, or for cloze the longer of the gapped and the revealed sentence.</summary>
    public static int BodyLength(DeckCard card)
        => card.Kind == CardKind.Cloze && card.SourceText is { } source ? Math.Max(card.Prompt.Length, Cloze.Reveal(source).Length) : card.Prompt.Length;

    /// <summary>
    /// The answer shown: the first accepted answer, never every variant joined; for multiple
    /// choice every correct choice, since each is a different right answer.
    /// </summary>
    public static string ShownAnswer(DeckCard card) => card.Kind == CardKind.Mcq
        ? string.Join(" / ", card.Answers)
        : card.Answers.Count > 0 ? card.Answers[0] : "";

    /// <summary>The most characters any review screen of the card holds in its one embed.</summary>
    public static int LargestScreen(DeckCard card)
        => BodyLength(card)
            + Math.Min(ShownAnswer(card).Length, FieldValue)
            + Math.Min(card.Explanation?.Length ?? 0, FieldValue)
            + Overhead;

    /// <summary>The largest screen must fit Discord's total per embed.</summary>
    public static bool Fits(DeckCard card) => LargestScreen(card) <= DiscordLimits.EmbedTotal;
}
