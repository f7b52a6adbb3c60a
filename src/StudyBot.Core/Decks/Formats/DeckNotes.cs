namespace StudyBot.Core.Decks.Formats;

/// <summary>
/// Folds a deck's cards back into the notes they came from, the inverse of the validator's
/// expansion: a cloze note's cards into one note with its text, a forward and reverse pair into
/// one reversed basic note. Exporters write these notes, so that reading the export gives the
/// same cards with the same ids.
/// </summary>
public static class DeckNotes
{
    public static IReadOnlyList<NoteDraft> Fold(Deck deck)
    {
        var ids = deck.Cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var notes = new List<NoteDraft>();
        foreach (var card in deck.Cards)
        {
            if (card.NoteId is { } noteId && card.Kind == CardKind.Cloze && card.SourceText is not null)
            {
                if (written.Add(noteId))
                {
                    notes.Add(Note(card, noteId, CardKind.Cloze, card.SourceText, []));
                }
                continue;
            }
            if (card.NoteId is { } pairId && card.Id == CardIds.ForwardCard(pairId) && ids.Contains(CardIds.ReverseCard(pairId)))
            {
                written.Add(pairId);
                var reversed = Note(card, pairId, CardKind.Basic, card.Prompt, card.Answers);
                reversed.Reversed = true;
                notes.Add(reversed);
                continue;
            }
            if (card.NoteId is { } siblingOf && card.Id == CardIds.ReverseCard(siblingOf) && written.Contains(siblingOf))
            {
                continue;
            }
            var single = Note(card, card.Id, card.Kind, card.Prompt, card.Kind == CardKind.Mcq ? [] : card.Answers);
            single.Choices.AddRange(card.Choices);
            single.NoteId = card.NoteId;
            notes.Add(single);
        }
        return notes;
    }

    private static NoteDraft Note(DeckCard card, string id, CardKind kind, string prompt, IEnumerable<string> answers)
    {
        var note = new NoteDraft { Id = id, Kind = kind, Prompt = prompt, Explanation = card.Explanation };
        note.Answers.AddRange(answers);
        note.Tags.AddRange(card.Tags);
        note.AllowLeaks.AddRange(card.AllowLeaks);
        note.Image = card.Image;
        return note;
    }
}
