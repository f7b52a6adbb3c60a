namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// The '#key:value' lines at the top of an Anki "Notes in Plain Text" export (Anki 2.1.55+),
/// plus StudyBot's own keys for what Anki has no place for (deck id, description, source).
/// </summary>
internal sealed class TextHeader
{
    public string? Separator { get; private set; }
    public bool? Html { get; private set; }
    public string? Deck { get; private set; }
    public string? Notetype { get; private set; }
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The line of '#tags:', for a message about them.</summary>
    public int TagsLine { get; private set; }

    /// <summary>The line of '#columns:', for a message about them.</summary>
    public int ColumnsLine { get; private set; }
    public string? Columns { get; private set; }
    public int? GuidColumn { get; private set; }
    public int? NotetypeColumn { get; private set; }
    public int? DeckColumn { get; private set; }
    public int? TagsColumn { get; private set; }
    public string? DeckId { get; private set; }
    public string? Description { get; private set; }
    public string? Source { get; private set; }

    /// <summary>The number of header lines, so data line numbers can be reported as in the file.</summary>
    public int LineCount { get; private set; }

    public static TextHeader Parse(string text, Action<int, string> warn, Action<int, string> error)
    {
        var header = new TextHeader();
        var at = 0;
        while (at < text.Length && text[at] == '#')
        {
            var end = text.IndexOf('\n', at);
            var line = (end < 0 ? text[at..] : text[at..end]).TrimEnd('\r');
            header.LineCount++;
            header.Apply(line[1..], header.LineCount, warn, error);
            at = end < 0 ? text.Length : end + 1;
        }
        return header;
    }

    public int DataStart(string text)
    {
        var at = 0;
        for (var i = 0; i < LineCount; i++)
        {
            var end = text.IndexOf('\n', at);
            at = end < 0 ? text.Length : end + 1;
        }
        return at;
    }

    private void Apply(string line, int lineNumber, Action<int, string> warn, Action<int, string> error)
    {
        var colon = line.IndexOf(':');
        if (colon < 0)
        {
            return; // a comment line
        }
        var key = line[..colon].Trim().ToLowerInvariant();
        var value = line[(colon + 1)..];
        switch (key)
        {
            case "separator": Separator = Separated(ParseSeparator(value.Trim()), lineNumber, error); break;
            case "html": Html = value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase); break;
            case "deck": Deck = value.Trim(); break;
            case "notetype": Notetype = value.Trim(); break;
            case "tags": Tags = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); TagsLine = lineNumber; break;
            case "columns": Columns = value; ColumnsLine = lineNumber; break;
            case "guid column": GuidColumn = Column(value, lineNumber, error); break;
            case "notetype column": NotetypeColumn = Column(value, lineNumber, error); break;
            case "deck column": DeckColumn = Column(value, lineNumber, error); break;
            case "tags column": TagsColumn = Column(value, lineNumber, error); break;
            case "deck id": DeckId = Unescape(value.Trim()); break;
            case "description": Description = Unescape(value.Trim()); break;
            case "source": Source = Unescape(value.Trim()); break;
            case "if matches": break; // Anki's duplicate handling: a re-upload in StudyBot always updates by id.
            default: warn(lineNumber, $"the header line '#{key}:' is not one StudyBot knows; it is ignored."); break;
        }
    }

    private static int? Column(string value, int lineNumber, Action<int, string> error)
    {
        if (int.TryParse(value.Trim(), out var column) && column >= 1)
        {
            return column - 1;
        }
        error(lineNumber, $"'{value.Trim()}' is not a column number: columns count from 1.");
        return null;
    }

    /// <summary>
    /// Anki writes a separator by name or as one character. A quote starts a quoted field, so it
    /// cannot also separate fields; a longer text is not a separator Anki writes (and the CSV
    /// parser mis-reads quoted fields around one).
    /// </summary>
    private static string? Separated(string separator, int lineNumber, Action<int, string> error)
    {
        if (separator.Contains('"'))
        {
            error(lineNumber, $"'{separator}' cannot separate fields: a double quote starts a quoted field. Use Comma, Semicolon, Tab, Space, Pipe or Colon.");
            return null;
        }
        if (separator.Length > 1)
        {
            error(lineNumber, $"'{Formats.Yaml.YamlNodeNames.Shorten(separator)}' is not a separator: write Comma, Semicolon, Tab, Space, Pipe, Colon or a single character.");
            return null;
        }
        return separator;
    }

    private static string ParseSeparator(string value) => value.ToLowerInvariant() switch
    {
        "comma" => ",",
        "semicolon" => ";",
        "tab" => "\t",
        "space" => " ",
        "pipe" => "|",
        "colon" => ":",
        _ => value.Length > 0 ? value : ",",
    };

    /// <summary>Header values are one line: new lines and backslashes are written as \n and \\.</summary>
    public static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\r", "").Replace("\n", "\\n");

    public static string Unescape(string value)
    {
        var result = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                result.Append(value[i] == 'n' ? '\n' : value[i]);
            }
            else
            {
                result.Append(value[i]);
            }
        }
        return result.ToString();
    }
}
