using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// Checks that every review screen of a card can be shown: the answer window's body (a text
/// display) and Discord's 6,000 characters per embed (<see cref="CardScreens"/>).
/// </summary>
internal static class ScreenRules
{
    public static void Check(DeckCard card, NoteDraft note, DiagnosticBag diagnostics)
    {
        var at = note.PositionOf(card.Kind == CardKind.Cloze ? "text" : "prompt");
        if (AnswerModal.BodyFor(card) is { } body && card.Kind is CardKind.Typed or CardKind.Cloze)
        {
            TextRules.MaxLength(diagnostics, at, card.Id, card.Kind == CardKind.Cloze ? "the cloze text" : "the prompt", body,
                DiscordLimits.TextDisplay, "the answer window's body");
        }
        if (!CardScreens.Fits(card))
        {
            var size = CardScreens.LargestScreen(card);
            diagnostics.Error(at, card.Id,
                $"the card's review screen would hold {size:N0} characters (text {CardScreens.BodyLength(card):N0}, answer {Math.Min(CardScreens.ShownAnswer(card).Length, CardScreens.FieldValue):N0}, "
                + $"explanation {Math.Min(card.Explanation?.Length ?? 0, CardScreens.FieldValue):N0}, and {CardScreens.Overhead:N0} of the screen's own text); "
                + $"Discord shows at most {DiscordLimits.EmbedTotal:N0} in one embed. Shorten the prompt, answer or explanation by {size - DiscordLimits.EmbedTotal:N0}.");
        }
    }
}
