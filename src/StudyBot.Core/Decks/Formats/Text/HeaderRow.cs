namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// A first CSV/TSV row that names the columns ("Front,Back", "question;answer;tags", "Term	Definition")
/// rather than holding a card: spreadsheets put one there. It is recognised when every field is a
/// column name StudyBot or Anki uses, so a real card is never mistaken for it.
/// </summary>
public static class HeaderRow
{
    private static readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase)
    {
        "front", "back", "question", "answer", "answers", "term", "definition", "prompt", "text", "cloze",
        "extra", "back extra", "hint", "explanation", "notes", "tags", "choices", "id", "kind", "type",
        "deck", "notetype", "note type", "guid", "source", "description", "title", "card", "field 1", "field 2",
    };

    public static bool IsHeader(IReadOnlyList<string> fields)
        => fields.Count > 0
            && fields.Any(f => f.Trim().Length > 0)
            && fields.All(f => f.Trim().Length == 0 || _names.Contains(f.Trim()));
}
