using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks;

/// <summary>
/// The window a student types an answer in (typed and cloze cards). A typed card's window is
/// titled with its prompt when the prompt fits Discord's 45-character modal title on one line;
/// otherwise it is titled "Your answer" and shows the whole prompt in its body. A cloze card's
/// window shows the whole sentence with its gap in its body.
/// </summary>
public static class AnswerModal
{
    public const string FallbackTitle = "Your answer";

    public const string ClozeTitle = "Fill in the blank";

    public static string TitleFor(DeckCard card) => card.Kind == CardKind.Cloze
        ? ClozeTitle
        : FitsTitle(card.Prompt) ? card.Prompt : FallbackTitle;

    /// <summary>The text shown in the window's body, or null when the title already says it all.</summary>
    public static string? BodyFor(DeckCard card) => card.Kind == CardKind.Cloze || !FitsTitle(card.Prompt) ? card.Prompt : null;

    private static bool FitsTitle(string prompt) => prompt.Length <= DiscordLimits.ModalTitle && !prompt.Contains('\n');
}
