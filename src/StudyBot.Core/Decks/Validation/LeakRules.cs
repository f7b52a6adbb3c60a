using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// Warns, card by card, where one card shows another's answer (<see cref="LeakFinder"/>), unless
/// the deck's author allowed the pair with <c>allow_leaks:</c>; also warns about an
/// <c>allow_leaks</c> entry that names no card of the deck or a card that shares no answer. These
/// are warnings: a deck with leaks still loads, and the scheduler keeps such cards apart anyway.
/// </summary>
internal static class LeakRules
{
    public static void Check(DeckDraft draft, IReadOnlyList<DeckCard> cards, DiagnosticBag diagnostics)
    {
        var notes = new Dictionary<string, NoteDraft>(StringComparer.Ordinal);
        foreach (var note in draft.Notes)
        {
            if (note.Id is { } id)
            {
                notes.TryAdd(id, note);
            }
        }
        NoteDraft? NoteOf(DeckCard card) =>
            notes.TryGetValue(card.Id, out var own) ? own : card.NoteId is { } group && notes.TryGetValue(group, out var shared) ? shared : null;

        var byId = cards.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var leaks = LeakFinder.Find(cards);
        var used = new HashSet<(string Card, string Name)>();
        foreach (var leak in leaks)
        {
            var answerCard = byId[leak.AnswerCardId];
            var showing = byId[leak.ShowingCardId];
            if (Allowed(showing, answerCard, used) | Allowed(answerCard, showing, used))
            {
                continue;
            }
            var note = NoteOf(showing);
            var where = leak.Where(showing.Kind);
            var at = note is null ? SourcePosition.None : note.PositionOf(FieldKey(leak, showing, note));
            diagnostics.Warning(at, showing.Id,
                $"card '{showing.Id}' shows the answer of card '{answerCard.Id}' (\"{leak.Answer}\") in its {where}: \"{leak.Excerpt}\". "
                + $"They are not siblings, so a student who meets '{showing.Id}' first is given '{answerCard.Id}'. "
                + $"Reword one of them, or give both the same `note:`, or, if the overlap is justified, add `allow_leaks: [{answerCard.Id}]` to '{note?.Id ?? showing.Id}' with a comment saying why.");
        }

        var known = cards.Select(c => c.Id).Concat(cards.Select(c => c.NoteId).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var note in draft.Notes.Where(n => n.AllowLeaks.Count > 0 && n.Id is not null))
        {
            // The note's own cards: the card itself, or a cloze note's or reversed pair's cards (ids "note#...").
            var mine = cards.Where(c => c.Id == note.Id || c.Id.StartsWith(note.Id + "#", StringComparison.Ordinal)).ToList();
            foreach (var name in note.AllowLeaks)
            {
                if (!known.Contains(name))
                {
                    diagnostics.Warning(note.PositionOf("allow_leaks"), note.Id,
                        $"`allow_leaks` names '{name}', which is no card or note of this deck: correct the id or remove it.");
                }
                else if (!mine.Any(c => used.Contains((c.Id, name))))
                {
                    diagnostics.Warning(note.PositionOf("allow_leaks"), note.Id,
                        $"`allow_leaks` names '{name}', but neither card shows the other's answer any more: remove it.");
                }
            }
        }
    }

    /// <summary>Whether <paramref name="card"/> allows <paramref name="other"/> by its id or its note's id; remembers the entry used.</summary>
    private static bool Allowed(DeckCard card, DeckCard other, HashSet<(string Card, string Name)> used)
    {
        foreach (var name in card.AllowLeaks)
        {
            if (name == other.Id || name == other.NoteId)
            {
                used.Add((card.Id, name));
                return true;
            }
        }
        return false;
    }

    private static string FieldKey(CardLeak leak, DeckCard showing, NoteDraft note) => leak.Field switch
    {
        LeakField.Choice => $"choices[{leak.ChoiceIndex}]",
        LeakField.Explanation => "explanation",
        LeakField.Back when showing.Kind != CardKind.Cloze => note.FieldAt.ContainsKey("answers") ? "answers" : "answer",
        _ => "prompt",
    };
}
