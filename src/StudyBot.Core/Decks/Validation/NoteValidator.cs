using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// Checks one note and expands it into its cards: a cloze note into one card per deletion
/// number, a reversed basic note into a forward and a reverse card. Cards are returned even when
/// the note has problems, so that duplicate ids are still found; the deck is refused anyway.
/// </summary>
internal static class NoteValidator
{
    private const int MinChoices = 2;
    private const int MaxChoices = 5;
    private const int MaxTagLength = 50;

    public static IReadOnlyList<DeckCard> Expand(NoteDraft note, DiagnosticBag diagnostics)
    {
        var id = CheckId(note, diagnostics);
        CheckShared(note, id, diagnostics);
        if (note.Kind is null)
        {
            if (!note.FieldAt.ContainsKey("kind"))
            {
                diagnostics.Error(note.At, id, "the card has no `kind`: add `kind: basic`, `mcq`, `typed` or `cloze`.");
            }
            return [];
        }
        if (id is null)
        {
            return [];
        }
        return note.Kind switch
        {
            CardKind.Basic => Basic(note, id, diagnostics),
            CardKind.Typed => Typed(note, id, diagnostics),
            CardKind.Mcq => Mcq(note, id, diagnostics),
            CardKind.Cloze => ClozeCards(note, id, diagnostics),
            _ => [],
        };
    }

    private static string? CheckId(NoteDraft note, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(note.Id))
        {
            var about = note.Prompt is null ? "" : $" ('{YamlShort(note.Prompt)}')";
            diagnostics.Error(note.At, null, $"a card{about} has no `id`: add one, e.g. `id: {CardIds.Slug(note.Prompt ?? "my-card", 30)}`. Progress follows the id, so keep it once chosen.");
            return null;
        }
        if (!CardIds.IsValid(note.Id))
        {
            diagnostics.Error(note.PositionOf("id"), note.Id,
                $"the card id '{note.Id}' may hold only lowercase letters, digits and '-' (at most {CardIds.MaxLength}, starting with a letter or digit): try '{CardIds.Slug(note.Id, CardIds.MaxLength)}'.");
        }
        return note.Id;
    }

    private static void CheckShared(NoteDraft note, string? id, DiagnosticBag diagnostics)
    {
        if (note.Explanation is not null)
        {
            TextRules.MaxLength(diagnostics, note.PositionOf("explanation"), id, "the explanation", note.Explanation,
                DiscordLimits.EmbedDescription, "an embed description");
        }
        foreach (var tag in note.Tags)
        {
            if (tag.Length == 0 || tag.Length > MaxTagLength || tag.Any(char.IsWhiteSpace))
            {
                diagnostics.Error(note.PositionOf("tags"), id,
                    $"the tag '{YamlShort(tag)}' must be one word of at most {MaxTagLength} characters (use '-' or '_' instead of spaces).");
            }
        }
        if (note.NoteId is not null && !CardIds.IsValid(note.NoteId))
        {
            diagnostics.Error(note.PositionOf("note"), id, $"the note id '{note.NoteId}' may hold only lowercase letters, digits and '-'.");
        }
        if (note.Reversed && note.Kind is not CardKind.Basic)
        {
            diagnostics.Error(note.PositionOf("reversed"), id, "`reversed: true` is only for basic cards: remove it, or make the card basic.");
        }
    }

    private static bool CheckPrompt(NoteDraft note, string id, DiagnosticBag diagnostics)
    {
        var field = note.Kind == CardKind.Cloze ? "text" : "prompt";
        if (string.IsNullOrWhiteSpace(note.Prompt))
        {
            diagnostics.Error(note.PositionOf("prompt"), id, $"the card has no `{field}`: add the question as `{field}: ...`.");
            return false;
        }
        return TextRules.MaxLength(diagnostics, note.PositionOf("prompt"), id, $"the {field}", note.Prompt,
            DiscordLimits.EmbedDescription, "an embed description");
    }

    private static void CheckNoChoices(NoteDraft note, string id, DiagnosticBag diagnostics)
    {
        if (note.Choices.Count > 0)
        {
            diagnostics.Error(note.PositionOf("choices"), id, $"`choices` are only for mcq cards: make the card `kind: mcq`, or remove the choices.");
        }
    }

    private static IReadOnlyList<DeckCard> Basic(NoteDraft note, string id, DiagnosticBag diagnostics)
    {
        CheckPrompt(note, id, diagnostics);
        CheckNoChoices(note, id, diagnostics);
        CheckAnswers(note, id, diagnostics, "add `answer: ...` (what the student should have recalled)");
        if (!note.Reversed)
        {
            return [Card(note, id, CardKind.Basic, note.Prompt ?? "", note.Answers) with { NoteId = note.NoteId }];
        }
        if (note.Answers.Count != 1)
        {
            diagnostics.Error(note.PositionOf("answers"), id, "a reversed card needs exactly one `answer`, because the answer becomes the other card's question.");
            return [];
        }
        var prompt = note.Prompt ?? "";
        return
        [
            Card(note, CardIds.ForwardCard(id), CardKind.Basic, prompt, note.Answers) with { NoteId = id },
            Card(note, CardIds.ReverseCard(id), CardKind.Basic, note.Answers[0], [prompt]) with { NoteId = id },
        ];
    }

    private static IReadOnlyList<DeckCard> Typed(NoteDraft note, string id, DiagnosticBag diagnostics)
    {
        // A prompt longer than a modal title is shown in the answer window's body (AnswerModal), so it may be as long as it needs.
        CheckPrompt(note, id, diagnostics);
        CheckNoChoices(note, id, diagnostics);
        CheckAnswers(note, id, diagnostics, "add `answers: [...]` listing every answer to accept");
        foreach (var answer in note.Answers)
        {
            TextRules.MaxLength(diagnostics, note.PositionOf("answers"), id, $"the answer '{YamlShort(answer)}'", answer,
                DiscordLimits.TextInputValue, "a modal text input");
        }
        return [Card(note, id, CardKind.Typed, note.Prompt ?? "", note.Answers) with { NoteId = note.NoteId }];
    }

    private static IReadOnlyList<DeckCard> Mcq(NoteDraft note, string id, DiagnosticBag diagnostics)
    {
        CheckPrompt(note, id, diagnostics);
        if (note.Answers.Count > 0)
        {
            diagnostics.Error(note.PositionOf(note.FieldAt.ContainsKey("answer") ? "answer" : "answers"), id,
                "an mcq card takes its answers as choices: move the answer into `choices` with `correct: true`.");
        }
        var at = note.PositionOf("choices");
        if (note.Choices.Count is < MinChoices or > MaxChoices)
        {
            diagnostics.Error(at, id,
                $"an mcq card needs {MinChoices} to {MaxChoices} choices (one row of buttons), but has {note.Choices.Count}: {(note.Choices.Count < MinChoices ? "add choices" : "remove choices")}.");
        }
        else if (!note.Choices.Any(c => c.Correct))
        {
            diagnostics.Error(at, id, "no choice is marked correct: add `correct: true` to the right choice(s).");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < note.Choices.Count; i++)
        {
            var choice = note.Choices[i];
            var choiceAt = note.PositionOf($"choices[{i}]");
            if (string.IsNullOrWhiteSpace(choice.Text))
            {
                diagnostics.Error(choiceAt, id, $"choice {i + 1} has no text: add `text: ...`.");
                continue;
            }
            TextRules.MaxLength(diagnostics, choiceAt, id, $"choice {i + 1}", choice.Text, DiscordLimits.ButtonLabel, "a button label");
            TextRules.OneLine(diagnostics, choiceAt, id, $"choice {i + 1}", choice.Text);
            if (!seen.Add(choice.Text))
            {
                diagnostics.Error(choiceAt, id, $"choice {i + 1} ('{YamlShort(choice.Text)}') repeats an earlier choice: make each choice different.");
            }
        }
        var answers = note.Choices.Where(c => c.Correct).Select(c => c.Text).ToList();
        return [Card(note, id, CardKind.Mcq, note.Prompt ?? "", answers) with { Choices = note.Choices.ToList(), NoteId = note.NoteId }];
    }

    private static IReadOnlyList<DeckCard> ClozeCards(NoteDraft note, string id, DiagnosticBag diagnostics)
    {
        if (!CheckPrompt(note, id, diagnostics))
        {
            return [];
        }
        CheckNoChoices(note, id, diagnostics);
        var at = note.PositionOf("prompt");
        if (note.Answers.Count > 0)
        {
            diagnostics.Error(note.PositionOf(note.FieldAt.ContainsKey("answer") ? "answer" : "answers"), id,
                "a cloze card's answers are its deletions: remove `answer(s)` and mark the words with {{c1::...}} in `text`.");
        }
        if (note.NoteId is not null)
        {
            diagnostics.Error(note.PositionOf("note"), id, "a cloze note's cards are already siblings: remove `note:`.");
        }
        var text = note.Prompt!;
        var (deletions, problems) = Cloze.Parse(text);
        foreach (var problem in problems)
        {
            diagnostics.Error(at, id, problem);
        }
        if (deletions.Count == 0)
        {
            if (problems.Count == 0)
            {
                diagnostics.Error(at, id, "the cloze text has no deletions: mark the words to hide as {{c1::words}} (or {{c1::words::hint}}).");
            }
            return [];
        }
        var cards = new List<DeckCard>();
        foreach (var number in deletions.Select(d => d.Number).Distinct().Order())
        {
            var mine = deletions.Where(d => d.Number == number).ToList();
            var prompt = Cloze.Render(text, deletions, number);
            cards.Add(Card(note, CardIds.ClozeCard(id, number), CardKind.Cloze, prompt, mine.Select(d => d.Answer).Concat(mine.SelectMany(d => d.Alternatives)).Distinct().ToList()) with
            {
                NoteId = id,
                Hint = mine.Select(d => d.Hint).FirstOrDefault(h => h is not null),
                SourceText = text,
            });
        }
        return cards;
    }

    private static void CheckAnswers(NoteDraft note, string id, DiagnosticBag diagnostics, string fix)
    {
        var at = note.PositionOf(note.FieldAt.ContainsKey("answers") ? "answers" : "answer");
        if (note.Answers.Count == 0 || note.Answers.All(string.IsNullOrWhiteSpace))
        {
            diagnostics.Error(note.FieldAt.ContainsKey("answer") || note.FieldAt.ContainsKey("answers") ? at : note.At, id, $"the card has no answer: {fix}.");
            return;
        }
        foreach (var answer in note.Answers)
        {
            TextRules.MaxLength(diagnostics, at, id, "the answer", answer, DiscordLimits.EmbedDescription, "an embed description");
        }
        if (note.Kind == CardKind.Typed)
        {
            foreach (var answer in note.Answers)
            {
                TextRules.OneLine(diagnostics, at, id, $"the answer '{YamlShort(answer)}'", answer);
            }
        }
    }

    private static DeckCard Card(NoteDraft note, string id, CardKind kind, string prompt, IReadOnlyList<string> answers) => new()
    {
        Id = id,
        Kind = kind,
        Prompt = prompt,
        Answers = answers.ToList(),
        Explanation = note.Explanation,
        Tags = note.Tags.ToList(),
        AllowLeaks = note.AllowLeaks.ToList(),
    };

    private static string YamlShort(string text) => Formats.Yaml.YamlNodeNames.Shorten(text.ReplaceLineEndings(" "));
}
