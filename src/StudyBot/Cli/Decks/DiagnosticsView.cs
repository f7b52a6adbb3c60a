using Spectre.Console;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Cli.Decks;

/// <summary>How the deck commands show problems and decks: a table of diagnostics, a count of cards by kind.</summary>
internal static class DiagnosticsView
{
    public static void Table(IAnsiConsole console, IReadOnlyList<DeckDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Severity");
        table.AddColumn("Where");
        table.AddColumn("Card");
        table.AddColumn(new TableColumn("What to change"));
        foreach (var d in diagnostics)
        {
            var where = d.Line > 0 ? $"{d.File}:{d.Line}:{d.Column}" : d.File;
            table.AddRow(
                d.IsError ? "[red]error[/]" : "[yellow]warning[/]",
                Markup.Escape(where),
                Markup.Escape(d.CardId ?? "-"),
                Markup.Escape(d.Message));
        }
        console.Write(table);
    }

    public static string Counts(Deck deck)
    {
        var byKind = Enum.GetValues<CardKind>()
            .Select(k => (k, n: deck.Cards.Count(c => c.Kind == k)))
            .Where(x => x.n > 0)
            .Select(x => $"{Names.Of(x.k)} {x.n}");
        return $"{deck.Cards.Count} cards ({string.Join(", ", byKind)})";
    }

    public static void Summary(IAnsiConsole console, string file, DeckLoadResult result)
    {
        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        var notes = warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "";
        if (result.IsValid)
        {
            console.MarkupLine($"[green]valid[/]   {Markup.Escape(file)}: {Markup.Escape(Counts(result.Deck!))}{notes}");
        }
        else
        {
            console.MarkupLine($"[red]invalid[/] {Markup.Escape(file)}: {errors} error{(errors == 1 ? "" : "s")}{notes}");
        }
    }
}
