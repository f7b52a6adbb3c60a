using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;
using StudyBot.Core.Decks.Formats.Yaml;

namespace StudyBot.Cli.Decks;

/// <summary>`studybot deck generate TEXT -o OUT.yaml`: draft cards from a reading.</summary>
public sealed class DeckGenerateCommand(DeckConsole output) : Command<DeckGenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<TEXT>")]
        [Description("A plain-text or Markdown file.")]
        public string Text { get; init; } = "";

        [CommandOption("-o|--output <OUT>")]
        [Description("Where to write the draft YAML deck.")]
        public string Output { get; init; } = "";

        [CommandOption("--deck-id <ID>")]
        [Description("Deck id (default: from the output file name).")]
        public string? DeckId { get; init; }

        [CommandOption("--title <TITLE>")]
        [Description("Deck title (default: the text's first heading).")]
        public string? Title { get; init; }

        [CommandOption("--max-cards <N>")]
        [Description("At most this many notes.")]
        [DefaultValue(300)]
        public int MaxCards { get; init; } = 300;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("give the output file with -o OUT.yaml")
            : MaxCards < 1 ? ValidationResult.Error("--max-cards must be at least 1")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings)
    {
        var console = output.Console;
        string text;
        try
        {
            var info = new FileInfo(settings.Text);
            if (!info.Exists)
            {
                console.MarkupLineInterpolated($"[red]error:[/] the file '{settings.Text}' does not exist: check the path.");
                return 1;
            }
            if (info.Length > DeckLimits.Default.MaxFileBytes)
            {
                console.MarkupLineInterpolated($"[red]error:[/] '{settings.Text}' is larger than 5 MB: split the text.");
                return 1;
            }
            text = File.ReadAllText(settings.Text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] cannot read '{settings.Text}': {ex.Message}");
            return 1;
        }

        var options = new GeneratorOptions
        {
            DeckId = settings.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(settings.Output), CardIds.MaxLength),
            Title = settings.Title,
            Source = Path.GetFileName(settings.Text),
            MaxCards = settings.MaxCards,
        };
        var generated = DeckGenerator.Generate(text, options);
        var result = DeckValidator.Validate(generated.Draft, new DiagnosticBag(settings.Output));
        DiagnosticsView.Table(console, result.Diagnostics);
        if (!result.IsValid)
        {
            console.MarkupLine("[red]The generated deck did not validate; nothing was written.[/] Use --deck-id with letters, digits and '-' if the id is the problem.");
            return 1;
        }
        var header = $"Draft generated from {options.Source} by `studybot deck generate`.\nReview every card before uploading: check each fact, reword prompts, replace weak distractors, delete weak cards.";
        if (!DeckFiles.TryWrite(console, settings.Output, YamlDeckWriter.Write(result.Deck!, header)))
        {
            return 1;
        }
        console.MarkupLineInterpolated($"Wrote [bold]{settings.Output}[/]: {DiagnosticsView.Counts(result.Deck!)} from {generated.FactSentences} of {generated.Sentences} sentences; {generated.DroppedBoilerplate.Count} boilerplate lines dropped.");
        return 0;
    }
}
