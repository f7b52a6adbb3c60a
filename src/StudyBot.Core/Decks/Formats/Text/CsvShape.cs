using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// Walks the records of a CSV/TSV body once, before the parser builds any of them, and refuses
/// the file at the first record with too many columns or characters, or at the record past the
/// row limit, naming its line. The parser holds a whole record at a time: one line of 4.9
/// million commas made 4.9 million fields and took the bot to 900 MB. Quoting follows RFC 4180
/// as the parser reads it: a quote opens a quoted field only at the field's start, and inside
/// one a doubled quote is a quote; a line break inside quotes belongs to the field.
/// </summary>
internal static class CsvShape
{
    public static void Check(string body, string separator, int lineOffset, ReadBudget budget)
    {
        var limits = budget.Limits;
        var delimiter = separator.Length == 1 ? separator[0] : '\0';
        var line = 1;
        var recordLine = 1;
        var recordStart = 0;
        var columns = 1;
        var rows = 0;
        var fieldStart = true;
        var quoted = false;
        var empty = true;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if ((i & 0xFFFF) == 0)
            {
                budget.Check(SourcePosition.AtLine(line + lineOffset));
            }
            if (c == '\n')
            {
                line++;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < body.Length && body[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                continue;
            }
            if (c is '\n' or '\r')
            {
                if (!empty)
                {
                    EndRecord(i);
                }
                recordLine = line;
                recordStart = i + 1;
                columns = 1;
                fieldStart = true;
                empty = true;
                continue;
            }
            empty = false;
            if (c == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
            }
            else if (c == delimiter)
            {
                if (++columns > limits.MaxColumnsPerRow)
                {
                    ReadBudget.Refuse(new SourcePosition(recordLine + lineOffset, 1), null,
                        $"this row has more than {limits.MaxColumnsPerRow:N0} columns (separated by {Describe(separator)}); a note has at most {limits.MaxFieldsPerNoteType:N0} fields: check the separator, or put a field that holds the separator in double quotes.");
                }
                fieldStart = true;
            }
            else
            {
                fieldStart = false;
            }
        }
        if (!empty || quoted)
        {
            EndRecord(body.Length);
        }

        void EndRecord(int end)
        {
            var at = new SourcePosition(recordLine + lineOffset, 1);
            if (end - recordStart > limits.MaxNoteCharacters)
            {
                ReadBudget.Refuse(at, null,
                    $"the row starting here holds {end - recordStart:N0} characters; a note holds at most {limits.MaxNoteCharacters:N0} (a card shows at most {DiscordLimits.EmbedDescription:N0}): shorten it, or close the double quote a field opens.");
            }
            if (++rows > limits.MaxRows)
            {
                ReadBudget.Refuse(at, null,
                    $"the file has more than {limits.MaxRows:N0} rows (this is number {rows:N0}), and each row makes at least one card; a deck has at most {limits.MaxCards:N0}: split it into several files.");
            }
        }
    }

    public static string Describe(string separator) => separator switch
    {
        "\t" => "tabs",
        "," => "commas",
        ";" => "semicolons",
        " " => "spaces",
        _ => $"'{separator}'",
    };
}
