using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// Reads Quizlet's export: each row is a term, the chosen separator, and a definition; rows end
/// with the chosen row separator. Quizlet quotes nothing, so the first separator in a row splits
/// it. Each row becomes a basic card asking the term.
/// </summary>
public static class QuizletReader
{
    public static DeckDraft? Read(string text, DiagnosticBag diagnostics, DeckReadOptions options)
    {
        var context = new ImportContext(diagnostics);
        var deck = new DeckDraft
        {
            Id = options.DeckId,
            Title = options.DeckTitle ?? Path.GetFileNameWithoutExtension(diagnostics.File),
        };
        if (options.RowSeparator.Length == 0 || options.TermSeparator.Length == 0)
        {
            diagnostics.Error(SourcePosition.None, null,
                $"the {(options.TermSeparator.Length == 0 ? "term" : "row")} separator is empty: give the text Quizlet put between {(options.TermSeparator.Length == 0 ? "term and definition (e.g. a tab)" : "rows (e.g. a new line)")}.");
            return null;
        }
        var rowSeparator = options.RowSeparator.Replace("\r\n", "\n");
        text = text.Replace("\r\n", "\n");
        var limits = diagnostics.Budget.Limits;
        var rows = 0;
        var at = 0;
        var line = 1;
        while (at < text.Length)
        {
            var end = text.IndexOf(rowSeparator, at, StringComparison.Ordinal);
            var row = end < 0 ? text[at..] : text[at..end];
            var position = SourcePosition.AtLine(line);
            diagnostics.Budget.Check(position);
            line += row.Count(c => c == '\n') + rowSeparator.Count(c => c == '\n');
            at = end < 0 ? text.Length : end + rowSeparator.Length;
            if (row.Trim().Length == 0)
            {
                continue;
            }
            if (row.Length > limits.MaxNoteCharacters)
            {
                ReadBudget.Refuse(position, null,
                    $"the row starting here holds {row.Length:N0} characters; a card holds at most {limits.MaxNoteCharacters:N0}: check the row separator chosen at export ({Describe(options.RowSeparator)}).");
            }
            if (++rows > limits.MaxRows)
            {
                ReadBudget.Refuse(position, null,
                    $"the set has more than {limits.MaxRows:N0} rows (this is number {rows:N0}), and each row makes a card; a deck has at most {limits.MaxCards:N0}: split it into several files.");
            }
            var split = row.IndexOf(options.TermSeparator, StringComparison.Ordinal);
            if (split < 0)
            {
                diagnostics.Error(position, null,
                    $"the row '{Formats.Yaml.YamlNodeNames.Shorten(row.Trim())}' has no separator between term and definition ({Describe(options.TermSeparator)}): check the separator chosen at export.");
                continue;
            }
            var term = row[..split].Trim();
            var definition = row[(split + options.TermSeparator.Length)..].Trim();
            var id = context.NoteId(null, term, position);
            var note = new NoteDraft { Id = id, GeneratedId = true, Kind = CardKind.Basic, At = position, Prompt = term };
            if (definition.Length > 0)
            {
                note.Answers.Add(definition);
            }
            deck.Notes.Add(note);
        }
        return deck;
    }

    private static string Describe(string separator) => separator switch
    {
        "\t" => "a tab",
        "," => "a comma",
        "\n" => "a new line",
        _ => $"'{separator}'",
    };
}
