using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace StudyBot.Core.Decks.Formats.Text;

/// <summary>
/// Writes a deck as CSV in the shape of Anki's plain-text export ('#key:value' header lines, then
/// quoted rows) with StudyBot's columns named in '#columns:'. Reading it back gives the same deck:
/// answers and choices go one per line, and a new line or backslash inside one is written \n or \\.
/// </summary>
public static class CsvDeckWriter
{
    public static string Write(Deck deck)
    {
        using var writer = new StringWriter();
        writer.Write("#separator:comma\n#html:false\n");
        writer.Write($"#deck:{TextHeader.Escape(deck.Title)}\n#deck id:{deck.Id}\n");
        if (deck.Description is not null)
        {
            writer.Write($"#description:{TextHeader.Escape(deck.Description)}\n");
        }
        if (deck.Source is not null)
        {
            writer.Write($"#source:{TextHeader.Escape(deck.Source)}\n");
        }
        var notes = DeckNotes.Fold(deck);
        var allowLeaks = notes.Any(n => n.AllowLeaks.Count > 0);
        writer.Write($"#columns:{string.Join(",", allowLeaks ? StudyBotColumns.Names : StudyBotColumns.Always)}\n");
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", HasHeaderRecord = false };
        using var csv = new CsvWriter(writer, config);
        foreach (var note in notes)
        {
            csv.WriteField(note.Id);
            csv.WriteField(Names.Of(note.Kind!.Value));
            csv.WriteField(note.Prompt);
            csv.WriteField(string.Join("\n", note.Answers.Select(TextHeader.Escape)));
            csv.WriteField(string.Join("\n", note.Choices.Select(c => (c.Correct ? StudyBotColumns.Correct : StudyBotColumns.Wrong) + TextHeader.Escape(c.Text))));
            csv.WriteField(note.Explanation ?? "");
            csv.WriteField(string.Join(" ", note.Tags));
            csv.WriteField(note.Reversed ? "true" : "");
            csv.WriteField(note.NoteId ?? "");
            if (allowLeaks)
            {
                csv.WriteField(string.Join(" ", note.AllowLeaks));
            }
            csv.NextRecord();
        }
        csv.Flush();
        return writer.ToString();
    }
}
