using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Yaml;

/// <summary>
/// Turns the YAML/JSON deck format (decks/README.md) into a <see cref="DeckDraft"/>, reporting
/// unknown fields and values of the wrong type with their positions. Meaning is checked later,
/// by the validator.
/// </summary>
public static class YamlDeckReader
{
    private static readonly string[] _deckFields = ["id", "title", "description", "source", "cards", "$schema"];
    private static readonly string[] _cardFields =
        ["id", "kind", "prompt", "text", "answer", "answers", "choices", "explanation", "tags", "reversed", "note", "allow_leaks", "image"];
    private static readonly string[] _choiceFields = ["text", "correct"];

    public static DeckDraft? Read(string text, DiagnosticBag diagnostics)
    {
        var root = YamlTreeBuilder.Build(text, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(new SourcePosition(1, 1), null, "the file is empty: a deck needs at least `id`, `title` and `cards`.");
            }
            return null;
        }
        if (root is not YamlMappingNode map)
        {
            diagnostics.Error(root.At, null, $"a deck file holds a set of fields (id, title, cards, ...), but this one holds {YamlNodeNames.Describe(root)}.");
            return null;
        }

        var deck = new DeckDraft { At = map.At };
        var fields = new FieldReader(diagnostics, null);
        foreach (var (key, value) in map.Entries)
        {
            deck.FieldAt[key.Value] = value.At;
            switch (key.Value)
            {
                case "id": deck.Id = fields.Text(key, value); break;
                case "title": deck.Title = fields.Text(key, value); break;
                case "description": deck.Description = fields.Text(key, value); break;
                case "source": deck.Source = fields.Text(key, value); break;
                case "$schema": break;
                case "cards": ReadCards(value, deck, diagnostics); break;
                default: fields.Unknown(key, _deckFields, "deck"); break;
            }
        }
        return deck;
    }

    private static void ReadCards(YamlNodeBase value, DeckDraft deck, DiagnosticBag diagnostics)
    {
        if (value is not YamlSequenceNode list)
        {
            diagnostics.Error(value.At, null, $"`cards` must be a list (each card starting with '- '), but it is {YamlNodeNames.Describe(value)}.");
            return;
        }
        foreach (var item in list.Items)
        {
            if (item is not YamlMappingNode card)
            {
                diagnostics.Error(item.At, null, $"each card must be a set of fields (id, kind, prompt, ...), but this one is {YamlNodeNames.Describe(item)}.");
                continue;
            }
            deck.Notes.Add(ReadCard(card, diagnostics));
        }
    }

    private static NoteDraft ReadCard(YamlMappingNode card, DiagnosticBag diagnostics)
    {
        var note = new NoteDraft { At = card.At };
        // The id is read first so that every message about this card can name it.
        var idEntry = card.Entries.FirstOrDefault(e => e.Key.Value == "id");
        if (idEntry.Value is YamlScalarNode { IsNull: false } idNode)
        {
            note.Id = idNode.Value.Trim();
        }
        var fields = new FieldReader(diagnostics, note.Id);
        foreach (var (key, value) in card.Entries)
        {
            note.FieldAt[key.Value] = value.At;
            switch (key.Value)
            {
                case "id": note.Id = fields.Text(key, value); break;
                case "kind": note.Kind = fields.Kind(key, value); break;
                case "prompt" or "text": note.FieldAt["prompt"] = value.At; note.Prompt ??= fields.Text(key, value); break;
                case "answer": AddIfPresent(note.Answers, fields.Text(key, value)); break;
                case "answers": note.Answers.AddRange(fields.TextList(key, value)); break;
                case "choices": ReadChoices(value, note, fields, diagnostics); break;
                case "explanation": note.Explanation = fields.Text(key, value); break;
                case "tags": note.Tags.AddRange(fields.TextList(key, value)); break;
                case "reversed": note.Reversed = fields.Bool(key, value) ?? false; break;
                case "note": note.NoteId = fields.Text(key, value); break;
                case "allow_leaks": note.AllowLeaks.AddRange(fields.TextList(key, value)); break;
                case "image": note.Image = fields.Text(key, value); break;
                default: fields.Unknown(key, _cardFields, "card"); break;
            }
        }
        CheckFieldNamesFitKind(card, note, diagnostics);
        return note;
    }

    /// <summary>The README gives each kind its own field names; a mix-up is reported, not guessed at.</summary>
    private static void CheckFieldNamesFitKind(YamlMappingNode card, NoteDraft note, DiagnosticBag diagnostics)
    {
        bool Has(string name) => card.Entries.Any(e => e.Key.Value == name);
        SourcePosition KeyAt(string name) => card.Entries.First(e => e.Key.Value == name).Key.At;
        if (note.Kind == CardKind.Cloze && Has("prompt"))
        {
            diagnostics.Error(KeyAt("prompt"), note.Id, "a cloze card takes its text in `text`, not `prompt`: rename the field to `text`.");
        }
        if (note.Kind is not null and not CardKind.Cloze && Has("text"))
        {
            diagnostics.Error(KeyAt("text"), note.Id, $"a {Names.Of(note.Kind.Value)} card takes its question in `prompt`; `text` is for cloze cards: rename it to `prompt`.");
        }
        if (Has("answer") && Has("answers"))
        {
            diagnostics.Error(KeyAt("answers"), note.Id, "write either `answer` (one) or `answers` (a list), not both.");
        }
    }

    private static void ReadChoices(YamlNodeBase value, NoteDraft note, FieldReader fields, DiagnosticBag diagnostics)
    {
        if (value is not YamlSequenceNode list)
        {
            diagnostics.Error(value.At, note.Id, $"`choices` must be a list of {{ text: ..., correct: true }} entries, but it is {YamlNodeNames.Describe(value)}.");
            return;
        }
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            note.FieldAt[$"choices[{i}]"] = item.At;
            switch (item)
            {
                // A bare string is a wrong choice: quicker to write for distractors.
                case YamlScalarNode scalar when !scalar.IsNull:
                    note.Choices.Add(new McqChoice(scalar.Value.Trim(), false));
                    break;
                case YamlMappingNode choice:
                {
                    string? text = null;
                    var correct = false;
                    foreach (var (key, field) in choice.Entries)
                    {
                        switch (key.Value)
                        {
                            case "text": text = fields.Text(key, field); break;
                            case "correct": correct = fields.Bool(key, field) ?? false; break;
                            default: fields.Unknown(key, _choiceFields, "choice"); break;
                        }
                    }
                    note.Choices.Add(new McqChoice(text ?? "", correct));
                    break;
                }
                default:
                    diagnostics.Error(item.At, note.Id, $"a choice must be {{ text: ..., correct: true|false }}, but this one is {YamlNodeNames.Describe(item)}.");
                    break;
            }
        }
    }

    private static void AddIfPresent(List<string> list, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            list.Add(value);
        }
    }
}
