using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// Reads Anki's "Notes in Plain Text" export (CSV/TSV with '#separator:', '#html:', '#tags column:',
/// '#notetype column:', '#deck column:', '#guid column:' header lines and quoted fields) and
/// StudyBot's own CSV export, recognised by its '#columns:' line naming id and kind.
/// </summary>
public static class AnkiTextReader
{
    public static DeckDraft? Read(string text, DiagnosticBag diagnostics, DeckReadOptions options)
    {
        var header = TextHeader.Parse(text,
            (line, message) => diagnostics.Warning(SourcePosition.AtLine(line), null, message),
            (line, message) => diagnostics.Error(SourcePosition.AtLine(line), null, message));
        // Every note gets the header's tags: thousands of them would be multiplied by every row.
        if (header.Tags.Count > diagnostics.Budget.Limits.MaxTagsPerNote)
        {
            ReadBudget.Refuse(SourcePosition.AtLine(header.TagsLine), null,
                $"'#tags:' names {header.Tags.Count:N0} tags, and every note gets them all; the limit is {diagnostics.Budget.Limits.MaxTagsPerNote:N0}: keep the tags that sort the deck.");
        }
        var body = text[header.DataStart(text)..];
        var separator = header.Separator ?? GuessSeparator(body, diagnostics.File);
        List<(int Line, string[] Fields)> rows;
        try
        {
            rows = ReadRows(body, separator, header.LineCount, diagnostics.Budget);
        }
        catch (StrayQuotesException stray)
        {
            diagnostics.Error(SourcePosition.AtLine(stray.Line), null,
                $"more than {MaxStrayQuoteFields} fields have a double quote that neither starts nor ends them (first near this line): put a field that holds quotes in double quotes and write each quote inside it twice (\"\").");
            return null;
        }
        var columnNames = header.Columns;
        if (rows.Count > 0 && HeaderRow.IsHeader(rows[0].Fields))
        {
            var (line, fields) = rows[0];
            rows.RemoveAt(0);
            diagnostics.Warning(SourcePosition.AtLine(line), null,
                $"read as the column names ({string.Join(", ", fields.Select(f => f.Trim()))}), not as a card.");
            columnNames ??= fields.Any(f => f.Trim().Equals("kind", StringComparison.OrdinalIgnoreCase)) ? string.Join(separator, fields) : null;
        }

        var deck = new DeckDraft
        {
            Id = header.DeckId ?? options.DeckId,
            Title = options.DeckTitle ?? header.Deck,
            Description = header.Description,
            Source = header.Source,
        };
        var columns = columnNames?.Split(separator).Select(c => c.Trim().ToLowerInvariant()).ToList();
        // Each row looks its columns up by name: a '#columns:' of a million names would be searched for every field of every row.
        if (columns?.Count > diagnostics.Budget.Limits.MaxColumnsPerRow)
        {
            ReadBudget.Refuse(SourcePosition.AtLine(header.ColumnsLine), null,
                $"'#columns:' names {columns.Count:N0} columns; a row has at most {diagnostics.Budget.Limits.MaxColumnsPerRow:N0}: name StudyBot's columns ({string.Join(", ", StudyBotColumns.Names)}).");
        }
        if (columns is not null && columns.Contains("id") && columns.Contains("kind"))
        {
            StudyBotColumns.Read(rows, columns, deck, diagnostics);
        }
        else
        {
            new AnkiNotesReader(header, new ImportContext(diagnostics)).Read(rows, deck);
        }
        deck.Title ??= Path.GetFileNameWithoutExtension(diagnostics.File);
        return deck;
    }

    /// <summary>Each record with the line it starts on.</summary>
    internal static List<(int Line, string[] Fields)> ReadRows(string body, string separator, int lineOffset, ReadBudget budget)
    {
        CsvShape.Check(body, separator, lineOffset, budget);
        var strayQuotes = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator,
            HasHeaderRecord = false,
            // A stray quote is kept as text, but past a few of them the parser re-reads the rest of
            // the record for each one (a 53 KB line of them allocated 395 MB), so the file is refused.
            BadDataFound = args =>
            {
                if (++strayQuotes > MaxStrayQuoteFields)
                {
                    throw new StrayQuotesException(args.Context.Parser?.RawRow + lineOffset ?? lineOffset);
                }
            },
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        };
        var rows = new List<(int, string[])>();
        using var parser = new CsvParser(new StringReader(body), config);
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            // RawRow is the line on which the record ended; quoted fields may have spanned lines before it.
            var spanned = parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            rows.Add((parser.RawRow - spanned + lineOffset, record));
            budget.Check(SourcePosition.AtLine(parser.RawRow + lineOffset));
        }
        return rows;
    }

    private static string GuessSeparator(string body, string fileName)
    {
        var end = body.IndexOf('\n');
        var firstLine = end < 0 ? body : body[..end];
        if (firstLine.Contains('\t') || fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return "\t";
        }
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return firstLine.Contains(',') || !firstLine.Contains(';') ? "," : ";";
        }
        return firstLine.Contains(';') ? ";" : firstLine.Contains('|') ? "|" : ",";
    }

    /// <summary>Fields with a stray double quote accepted in one file before it is refused.</summary>
    internal const int MaxStrayQuoteFields = 20;

    private sealed class StrayQuotesException(int line) : Exception
    {
        public int Line { get; } = line;
    }
}
