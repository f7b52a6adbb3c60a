using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>Checks shared by every text a card shows, each with a message that says what to change.</summary>
internal static class TextRules
{
    public static bool MaxLength(DiagnosticBag diagnostics, SourcePosition at, string? cardId, string what, string text, int max, string shownAs)
    {
        if (text.Length <= max)
        {
            return true;
        }
        diagnostics.Error(at, cardId,
            $"{what} is {text.Length:N0} characters; Discord shows at most {max:N0} in {shownAs}. Shorten it by {text.Length - max:N0}.");
        return false;
    }

    public static void OneLine(DiagnosticBag diagnostics, SourcePosition at, string? cardId, string what, string text)
    {
        if (text.Contains('\n') || text.Contains('\r'))
        {
            diagnostics.Error(at, cardId, $"{what} spans several lines; write it on one line.");
        }
    }

    public static void NotEmpty(DiagnosticBag diagnostics, SourcePosition at, string? cardId, string what, string? text, string fix)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(at, cardId, $"{what} is missing or empty: {fix}");
        }
    }
}
