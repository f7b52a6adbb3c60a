using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Cli.Decks;

namespace StudyBot.Cli;

public static class DeckCli
{
    /// <summary>
    /// Registers the `deck` command branch. <paramref name="console"/> is where the commands
    /// write; tests pass a recording console, the host the terminal.
    /// </summary>
    public static IConfigurator AddDeckCommands(this IConfigurator config, IAnsiConsole? console = null)
    {
        config.Settings.Registrar.RegisterInstance(new DeckConsole(console ?? AnsiConsole.Console));
        config.AddBranch("deck", deck =>
        {
            deck.SetDescription("Validate, import, export, generate decks and try answers against a card.");
            deck.AddCommand<DeckValidateCommand>("validate")
                .WithDescription("Check deck files and list every problem with its line and card.")
                .WithExample("deck", "validate", "decks/collapse-fears.yaml", "decks/china-costs.yaml");
            deck.AddCommand<DeckImportCommand>("import")
                .WithDescription("Import an Anki .apkg, an Anki or Quizlet text export, or a JSON deck into StudyBot's YAML.")
                .WithExample("deck", "import", "spanish.apkg", "-o", "decks/spanish.yaml");
            deck.AddCommand<DeckExportCommand>("export")
                .WithDescription("Write a deck as CSV (Anki-style headers) or YAML.")
                .WithExample("deck", "export", "decks/china-costs.yaml", "--format", "csv", "-o", "china-costs.csv");
            deck.AddCommand<DeckGradeCommand>("grade")
                .WithDescription("Try answers against one card: one line per answer, RATING<TAB>ANSWER<TAB>NOTE (--explain adds <TAB>rule=NAME).")
                .WithExample("deck", "grade", "decks/washington-levers.yaml", "trade-share-typed", "about 90 percent", "80%")
                .WithExample("deck", "grade", "--explain", "decks/china-costs.yaml", "punggye-ri-month", "Sep", "Octobre");
            deck.AddCommand<DeckGenerateCommand>("generate")
                .WithDescription("Draft a deck from a reading (plain text, Markdown or HTML), for an instructor to check.")
                .WithExample("deck", "generate", "reading.md", "-o", "drafts/reading.yaml")
                .WithExample("deck", "generate", "chapter.html", "--cards", "20", "--explain");
        });
        return config;
    }
}
