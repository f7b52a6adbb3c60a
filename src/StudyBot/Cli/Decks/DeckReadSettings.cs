using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Cli.Decks;

/// <summary>How to read an input deck: the options shared by validate, import and export.</summary>
public class DeckReadSettings : CommandSettings
{
    [CommandOption("--from <FORMAT>")]
    [Description("Input format: auto (by extension), yaml, anki (plain-text export, CSV/TSV), quizlet, apkg.")]
    [DefaultValue("auto")]
    public string From { get; init; } = "auto";

    [CommandOption("--separator <TEXT>")]
    [Description("Quizlet: the text between term and definition (default: tab). Use \\t for a tab.")]
    public string? Separator { get; init; }

    [CommandOption("--row-separator <TEXT>")]
    [Description("Quizlet: the text between rows (default: new line). Use \\n for a new line.")]
    public string? RowSeparator { get; init; }

    [CommandOption("--deck-id <ID>")]
    [Description("Deck id for imports (default: from the file name).")]
    public string? DeckId { get; init; }

    [CommandOption("--title <TITLE>")]
    [Description("Deck title for imports (default: the Anki deck's name or the file name).")]
    public string? Title { get; init; }

    public DeckReadOptions ToOptions() => new()
    {
        Format = ParseFormat(From) ?? DeckFormat.Auto,
        TermSeparator = Unescape(Separator) ?? "\t",
        RowSeparator = Unescape(RowSeparator) ?? "\n",
        DeckId = DeckId,
        DeckTitle = Title,
    };

    public override ValidationResult Validate() =>
        ParseFormat(From) is null
            ? ValidationResult.Error($"--from '{From}' is not a format: use auto, yaml, anki, quizlet or apkg.")
            : ValidationResult.Success();

    private static DeckFormat? ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "auto" => DeckFormat.Auto,
        "yaml" or "yml" or "json" => DeckFormat.Yaml,
        "anki" or "csv" or "tsv" or "txt" => DeckFormat.AnkiText,
        "quizlet" => DeckFormat.Quizlet,
        "apkg" => DeckFormat.Apkg,
        _ => null,
    };

    private static string? Unescape(string? value) => value?.Replace("\\t", "\t").Replace("\\n", "\n");
}
