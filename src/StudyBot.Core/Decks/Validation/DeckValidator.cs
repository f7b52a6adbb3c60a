using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// The one place where a <see cref="DeckDraft"/> becomes a <see cref="Deck"/>: checks every
/// note against the format's rules and Discord's limits, expands cloze notes and reversed
/// pairs into cards, and reports every problem found rather than stopping at the first.
/// </summary>
public static class DeckValidator
{
    public static DeckLoadResult Validate(DeckDraft draft, DiagnosticBag diagnostics, DeckLimits? limits = null)
    {
        limits ??= DeckLimits.Default;
        CheckDeckFields(draft, diagnostics);

        var cards = new List<DeckCard>();
        var firstSeen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var countReported = false;
        foreach (var note in draft.Notes)
        {
            diagnostics.Budget.Check(note.At);
            foreach (var card in NoteValidator.Expand(note, diagnostics))
            {
                if (firstSeen.TryGetValue(card.Id, out var first))
                {
                    var where = first.Line > 0 ? $" (first at line {first.Line})" : "";
                    diagnostics.Error(note.PositionOf("id"), card.Id,
                        $"duplicate card id '{card.Id}'{where}: ids must be unique in a deck, because progress follows the id. Rename one of them.");
                    continue;
                }
                firstSeen[card.Id] = note.PositionOf("id");
                ScreenRules.Check(card, note, diagnostics);
                AnswerListRules.Check(card, note, diagnostics);
                cards.Add(note.Image is { } image && draft.Images.ContainsKey(image) ? card with { Image = image } : card);
                if (cards.Count == limits.MaxCards + 1 && !countReported)
                {
                    countReported = true;
                    diagnostics.Error(note.At, card.Id,
                        $"the deck has more than {limits.MaxCards:N0} cards (this card is number {limits.MaxCards + 1:N0}): split it into several decks.");
                }
            }
        }
        if (draft.Notes.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(draft.PositionOf("cards"), null, "the deck has no cards: add at least one under `cards:`.");
        }

        LeakRules.Check(draft, cards, diagnostics);

        var sorted = diagnostics.Sorted();
        if (diagnostics.HasErrors)
        {
            return DeckLoadResult.Failed(sorted);
        }
        var shown = cards.Select(c => c.Image).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var deck = new Deck(draft.Id!, draft.Title!, draft.Description, draft.Source, cards)
        {
            Images = [.. draft.Images.Values.Where(i => shown.Contains(i.Name))],
        };
        return new DeckLoadResult(deck, sorted);
    }

    private static void CheckDeckFields(DeckDraft draft, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(draft.Id))
        {
            diagnostics.Error(draft.PositionOf("id"), null, "the deck has no `id`: add one, e.g. `id: my-deck` (lowercase letters, digits and '-').");
        }
        else if (!CardIds.IsValid(draft.Id))
        {
            diagnostics.Error(draft.PositionOf("id"), null,
                $"the deck id '{draft.Id}' may hold only lowercase letters, digits and '-' (at most {CardIds.MaxLength}): try '{CardIds.Slug(draft.Id, CardIds.MaxLength)}'.");
        }
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            diagnostics.Error(draft.PositionOf("title"), null, "the deck has no `title`: add one, e.g. `title: Why a collapse worries Beijing`.");
        }
        else
        {
            TextRules.MaxLength(diagnostics, draft.PositionOf("title"), null, "the deck title", draft.Title,
                DiscordLimits.SelectOptionLabel, "a select option label, where decks are offered");
            TextRules.OneLine(diagnostics, draft.PositionOf("title"), null, "the deck title", draft.Title);
        }
        if (draft.Description is not null)
        {
            TextRules.MaxLength(diagnostics, draft.PositionOf("description"), null, "the description", draft.Description,
                DiscordLimits.EmbedDescription, "an embed description");
        }
        if (draft.Source is not null)
        {
            TextRules.MaxLength(diagnostics, draft.PositionOf("source"), null, "the source", draft.Source,
                DiscordLimits.EmbedTitle, "an embed title");
        }
    }
}
