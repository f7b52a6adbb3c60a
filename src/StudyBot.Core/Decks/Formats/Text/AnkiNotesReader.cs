namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// Maps the rows of an Anki plain-text export to notes: the columns named by the header
/// (guid, notetype, deck, tags) are taken out, the rest are the note's fields in order.
/// </summary>
internal sealed class AnkiNotesReader(TextHeader header, ImportContext context)
{
    public void Read(IReadOnlyList<(int Line, string[] Fields)> rows, DeckDraft deck)
    {
        var decks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, record) in rows)
        {
            var at = SourcePosition.AtLine(line);
            string? Column(int? index) => index is int i && i < record.Length ? record[i] : null;
            var special = new[] { header.GuidColumn, header.NotetypeColumn, header.DeckColumn, header.TagsColumn };
            var fields = record.Where((_, i) => !special.Contains(i)).ToList();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (Column(header.DeckColumn) is { Length: > 0 } deckName)
            {
                decks.Add(deckName);
                deck.Title ??= deckName;
            }
            var notetype = Column(header.NotetypeColumn) ?? header.Notetype;
            var html = header.Html ?? true;
            var front = fields.ElementAtOrDefault(0) ?? "";
            var id = context.NoteId(Column(header.GuidColumn), front, at);
            var note = new NoteDraft { Id = id, GeneratedId = true, At = at };
            note.Tags.AddRange(header.Tags);
            note.Tags.AddRange((Column(header.TagsColumn) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var converted = fields.Select(f => context.Field(f, html, at, id)).ToList();
            Fill(note, notetype, converted, at);
            deck.Notes.Add(note);
        }
        if (decks.Count > 1)
        {
            context.Diagnostics.Warning(SourcePosition.None, null,
                $"the file holds notes from {decks.Count} Anki decks ({string.Join(", ", decks.Take(5))}); they are imported as one deck.");
        }
    }

    private void Fill(NoteDraft note, string? notetype, List<string> fields, SourcePosition at)
    {
        var type = (notetype ?? "").ToLowerInvariant();
        var first = fields.ElementAtOrDefault(0) ?? "";
        var isCloze = type.Contains("cloze") || (notetype is null && Cloze.HasDeletions(first));
        note.Prompt = first;
        if (isCloze)
        {
            note.Kind = CardKind.Cloze;
            note.Explanation = Join(fields.Skip(1));
            return;
        }
        note.Kind = type.Contains("type in") ? CardKind.Typed : CardKind.Basic;
        if (fields.Count > 1 && fields[1].Length > 0)
        {
            note.Answers.Add(fields[1]);
        }
        // "Basic (optional reversed card)" keeps its switch in a third field; only "y"-like values ask for the reverse.
        var optional = type.Contains("optional reversed");
        note.Reversed = type.Contains("reversed") && (!optional || fields.ElementAtOrDefault(2) is { Length: > 0 });
        note.Explanation = Join(fields.Skip(optional ? 3 : 2));
        if (fields.Count > 1 && fields[1].Contains('\n') && note.Kind == CardKind.Typed)
        {
            context.Diagnostics.Warning(at, note.Id, "the typed answer spans several lines; only one line can be typed, so consider shortening it.");
        }
    }

    private static string? Join(IEnumerable<string> fields)
    {
        var text = string.Join("\n", fields.Where(f => f.Length > 0));
        return text.Length == 0 ? null : text;
    }
}
