namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>
/// Turns an Anki note into StudyBot notes through its note type: a cloze note stays one cloze
/// note; a note whose two cards ask front-for-back and back-for-front becomes one reversed basic
/// note; any other note gives one card per Anki card, siblings under the note's id.
/// </summary>
/// With <c>withImages</c> (a package, which holds its media), a card shows the first image its fields refer
/// to, front fields first.
internal sealed class AnkiNoteMapper(ImportContext context, bool withImages = false)
{
    public IEnumerable<NoteDraft> Map(AnkiNote note, AnkiModel model)
    {
        string Raw(string field)
        {
            var i = model.IndexOf(field);
            return i >= 0 && i < note.Fields.Length ? note.Fields[i] : "";
        }
        var at = SourcePosition.None;
        var front = model.IsCloze ? Raw(model.Templates.FirstOrDefault()?.FrontFields.FirstOrDefault() ?? model.Fields[0]) : Raw(model.Fields[0]);
        var id = context.NoteId(note.Guid, front, at);
        // Each field is converted once per note, however many of the note's cards show or repeat it.
        var converted = new string?[model.Fields.Count];
        var images = new List<string>?[model.Fields.Count];
        string Field(string name)
        {
            var i = model.IndexOf(name);
            if (i < 0)
            {
                return "";
            }
            if (converted[i] is null && withImages)
            {
                images[i] = [];
            }
            return converted[i] ??= context.Field(i < note.Fields.Length ? note.Fields[i] : "", html: true, at, id, $"note {note.Id}", images[i]);
        }
        // The first image of the fields a card shows (front fields first), after they are converted.
        void ShowImage(NoteDraft card, IEnumerable<string> shownFirst)
        {
            var order = shownFirst.Concat(model.Fields).Select(model.IndexOf).Where(i => i >= 0).Distinct();
            var all = order.SelectMany(i => images[i] ?? []).Distinct(StringComparer.Ordinal).ToList();
            if (all.Count == 0)
            {
                return;
            }
            card.Image = all[0];
            if (all.Count > 1)
            {
                context.Diagnostics.Warning(at, card.Id,
                    $"note {note.Id} refers to {all.Count} images; a card shows one, so it shows '{all[0]}' and leaves out {string.Join(", ", all.Skip(1).Select(n => $"'{n}'"))}.");
            }
        }
        var tags = note.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        if (model.IsCloze)
        {
            var textField = model.Templates.FirstOrDefault()?.FrontFields.FirstOrDefault() ?? model.Fields[0];
            var cloze = New(id, CardKind.Cloze, Field(textField), tags);
            cloze.Explanation = JoinOthers(model, [textField], Field);
            ShowImage(cloze, [textField]);
            yield return cloze;
            yield break;
        }

        var templates = note.CardOrds.Select(o => model.Templates.FirstOrDefault(t => t.Ord == o)).OfType<AnkiTemplate>().ToList();
        if (templates.Count == 0 && model.Templates.Count > 0)
        {
            templates.Add(model.Templates[0]);
        }
        if (templates.Count == 2 && IsReversedPair(templates[0], templates[1]))
        {
            var reversed = New(id, CardKind.Basic, Field(templates[0].FrontFields[0]), tags);
            reversed.Reversed = true;
            reversed.Answers.Add(Field(templates[0].BackFields[0]));
            reversed.Explanation = JoinOthers(model, [templates[0].FrontFields[0], templates[0].BackFields[0]], Field);
            ShowImage(reversed, [templates[0].FrontFields[0], templates[0].BackFields[0]]);
            yield return reversed;
            yield break;
        }
        foreach (var template in templates)
        {
            var cardId = templates.Count == 1 ? id : $"{id}-{template.Ord + 1}";
            var card = New(cardId, template.TypedField is null ? CardKind.Basic : CardKind.Typed, Join(template.FrontFields, Field), tags);
            var answer = template.TypedField is not null ? Field(template.TypedField) : Join(template.BackFields, Field);
            if (answer.Length > 0)
            {
                card.Answers.Add(answer);
            }
            var used = template.FrontFields.Concat(template.BackFields).Append(template.TypedField ?? "").ToList();
            card.Explanation = JoinOthers(model, used, Field);
            card.NoteId = templates.Count == 1 ? null : id;
            ShowImage(card, used);
            yield return card;
        }
    }

    private static bool IsReversedPair(AnkiTemplate a, AnkiTemplate b) =>
        a.TypedField is null && b.TypedField is null &&
        a.FrontFields.Count == 1 && a.BackFields.Count == 1 && b.FrontFields.Count == 1 && b.BackFields.Count == 1 &&
        a.FrontFields[0] == b.BackFields[0] && a.BackFields[0] == b.FrontFields[0];

    private static NoteDraft New(string id, CardKind kind, string prompt, IEnumerable<string> tags)
    {
        var note = new NoteDraft { Id = id, GeneratedId = true, Kind = kind, Prompt = prompt, At = SourcePosition.None };
        note.Tags.AddRange(tags);
        return note;
    }

    private static string Join(IEnumerable<string> fields, Func<string, string> value) =>
        string.Join("\n", fields.Select(value).Where(v => v.Length > 0));

    /// <summary>Fields the card does not show (an "Extra" or "Back Extra") become the explanation, so nothing is lost.</summary>
    private static string? JoinOthers(AnkiModel model, IReadOnlyCollection<string> used, Func<string, string> value)
    {
        var shown = used.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var text = Join(model.Fields.Where(f => !shown.Contains(f)), value);
        return text.Length == 0 ? null : text;
    }
}
