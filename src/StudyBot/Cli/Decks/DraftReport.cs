using Spectre.Console;
using StudyBot.Core.Decks.Generation;

namespace StudyBot.Cli.Decks;

/// <summary>What `deck generate --explain` prints, and the header of a generated draft.</summary>
public static class DraftReport
{
    public static string Header(string source) =>
        $"Draft generated from {source} by `studybot deck generate`.\nReview every card before uploading: check each fact, reword prompts, replace weak choices, delete weak cards.";

    public static void Explain(IAnsiConsole console, GenerationResult generated)
    {
        var table = new Table().AddColumn("line").AddColumn("left out").AddColumn("why");
        foreach (var dropped in generated.Dropped)
        {
            table.AddRow(dropped.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(Short(dropped.Text)), Markup.Escape(dropped.Reason));
        }
        foreach (var sentence in generated.Sentences.Where(s => s.CardId is null))
        {
            table.AddRow(sentence.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(Short(sentence.Text)), Markup.Escape(sentence.Reason ?? ""));
        }
        console.Write(table);
    }

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
