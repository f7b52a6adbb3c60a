using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// StudyBot's CSV columns, written by <see cref="CsvDeckWriter"/>: id, kind, prompt, answers
/// (one per line), choices (one per line, '[x] ' marks a correct one, '[ ] ' a wrong one; a new line or backslash inside one
/// is written \n or \\),
/// explanation, tags (space-separated), reversed, note, and allow_leaks (space-separated ids; written only
/// when a card has them).
/// </summary>
internal static class StudyBotColumns
{
    /// <summary>The columns every export has.</summary>
    public static readonly string[] Always = ["id", "kind", "prompt", "answers", "choices", "explanation", "tags", "reversed", "note"];

    public const string AllowLeaks = "allow_leaks";

    public static readonly string[] Names = [.. Always, AllowLeaks];

    public const string Correct = "[x] ";
    public const string Wrong = "[ ] ";

    public static void Read(IReadOnlyList<(int Line, string[] Fields)> rows, List<string> columns, DeckDraft deck, DiagnosticBag diagnostics)
    {
        foreach (var unknown in columns.Where(c => !Names.Contains(c)))
        {
            diagnostics.Error(SourcePosition.None, null, $"unknown column '{unknown}' in '#columns:'; StudyBot's columns are {string.Join(", ", Names)}.");
        }
        foreach (var (line, record) in rows)
        {
            string? Get(string name)
            {
                var i = columns.IndexOf(name);
                return i >= 0 && i < record.Length && record[i].Length > 0 ? record[i] : null;
            }
            var at = SourcePosition.AtLine(line);
            var note = new NoteDraft { Id = Get("id"), At = at, Prompt = Get("prompt"), Explanation = Get("explanation"), NoteId = Get("note") };
            var kind = Get("kind");
            if (kind is null)
            {
                diagnostics.Error(at, note.Id, "the kind column is empty: write basic, mcq, typed or cloze.");
                note.FieldAt["kind"] = at;
            }
            else if (Decks.Names.TryParseKind(kind, out var parsed))
            {
                note.Kind = parsed;
            }
            else
            {
                diagnostics.Error(at, note.Id, $"unknown kind '{kind}': use one of basic, mcq, typed, cloze.");
                note.FieldAt["kind"] = at;
            }
            note.Answers.AddRange(Lines(Get("answers")).Select(TextHeader.Unescape));
            foreach (var choice in Lines(Get("choices")))
            {
                if (choice.StartsWith(Correct, StringComparison.Ordinal) || choice.StartsWith(Wrong, StringComparison.Ordinal))
                {
                    note.Choices.Add(new McqChoice(TextHeader.Unescape(choice[Correct.Length..].Trim()), choice.StartsWith(Correct, StringComparison.Ordinal)));
                }
                else
                {
                    diagnostics.Error(at, note.Id, $"the choice '{choice}' must start with '{Correct}' (correct) or '{Wrong}' (wrong).");
                }
            }
            note.Tags.AddRange((Get("tags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            note.AllowLeaks.AddRange((Get(AllowLeaks) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            note.Reversed = string.Equals(Get("reversed"), "true", StringComparison.OrdinalIgnoreCase);
            deck.Notes.Add(note);
        }
    }

    private static IEnumerable<string> Lines(string? value) =>
        (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
