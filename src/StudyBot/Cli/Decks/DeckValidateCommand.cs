using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Decks;

/// <summary>`studybot deck validate FILE...`: every problem of every file, exit 1 if any is an error.</summary>
public sealed class DeckValidateCommand(DeckConsole output) : Command<DeckValidateCommand.Settings>
{
    public sealed class Settings : DeckReadSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Deck files: .yaml, .yml, .json, .csv, .tsv, .txt or .apkg.")]
        public string[] Files { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings)
    {
        var console = output.Console;
        var failed = 0;
        var total = 0;
        foreach (var file in settings.Files)
        {
            var result = DeckFiles.Load(console, file, settings.ToOptions());
            DiagnosticsView.Summary(console, file, result);
            DiagnosticsView.Table(console, result.Diagnostics);
            failed += result.IsValid ? 0 : 1;
            total += result.Deck?.Cards.Count ?? 0;
        }
        if (settings.Files.Length > 1)
        {
            console.MarkupLine(failed == 0
                ? $"[green]{settings.Files.Length} decks valid[/], {total} cards in all."
                : $"[red]{failed} of {settings.Files.Length} decks invalid.[/]");
        }
        return failed == 0 ? 0 : 1;
    }
}
