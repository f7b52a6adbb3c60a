using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks;

/// <summary>
/// The modal a student types an answer in (typed and cloze cards). Its title is the card's prompt
/// when the prompt fits Discord's 45-character modal title on one line; otherwise a fixed title,
/// because the prompt is already visible in the question message the modal opens from. The
/// validator warns about the second case, so nothing is cut silently.
/// </summary>
public static class AnswerModal
{
    public const string FallbackTitle = "Your answer";

    public static string TitleFor(DeckCard card) =>
        card.Prompt.Length <= DiscordLimits.ModalTitle && !card.Prompt.Contains('\n') ? card.Prompt : FallbackTitle;
}
