using StudyBot.Core.Decks.Images;

namespace StudyBot.Core.Decks.Formats;

/// <summary>The file formats a deck can be read from.</summary>
public enum DeckFormat
{
    /// <summary>Chosen from the file name: .yaml/.yml/.json, .csv/.tsv/.txt, .apkg.</summary>
    Auto,
    /// <summary>StudyBot's own format (decks/README.md); JSON is read by the same parser.</summary>
    Yaml,
    /// <summary>Anki's "Notes in Plain Text" export, with its '#key:value' header lines; also StudyBot's CSV export.</summary>
    AnkiText,
    /// <summary>Quizlet's export: term, separator, definition; one row per line (or per row separator).</summary>
    Quizlet,
    /// <summary>An Anki package (.apkg): a zip holding collection.anki21 or collection.anki2.</summary>
    Apkg,
}

/// <summary>How to read a file whose format leaves choices open.</summary>
public sealed record DeckReadOptions
{
    public DeckFormat Format { get; init; } = DeckFormat.Auto;

    /// <summary>Quizlet: the text between term and definition (Quizlet's default is a tab).</summary>
    public string TermSeparator { get; init; } = "\t";

    /// <summary>Quizlet: the text between rows (Quizlet's default is a new line).</summary>
    public string RowSeparator { get; init; } = "\n";

    /// <summary>For imports, which carry no deck id or title of their own: defaults come from the file name.</summary>
    public string? DeckId { get; init; }

    public string? DeckTitle { get; init; }

    /// <summary>
    /// Where the cards' images (<c>image:</c>) are found. A file read from disk defaults to its own
    /// folder; a deck read from bytes or text without this has no images to find.
    /// </summary>
    public ImageSource? Images { get; init; }
}
