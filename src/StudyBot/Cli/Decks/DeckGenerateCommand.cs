using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Cli.Decks;

/// <summary>`studybot deck generate TEXT [-o OUT] [--deck-id ID] [--title T] [--cards N] [--explain]`: draft cards from a reading (plain text, Markdown or HTML).</summary>
public sealed class DeckGenerateCommand(DeckConsole output) : Command<DeckGenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<TEXT>")]
        [Description("A plain-text, Markdown or HTML file.")]
        public string Text { get; init; } = "";

        [CommandOption("-o|--output <OUT>")]
        [Description("Where to write the draft YAML deck (default: the text's name with .yaml).")]
        public string Output { get; init; } = "";

        [CommandOption("--deck-id|--id <ID>")]
        [Description("Deck id (default: from the output file name).")]
        public string? DeckId { get; init; }

        [CommandOption("--title <TITLE>")]
        [Description("Deck title (default: the text's first heading when it is short, else the file's name).")]
        public string? Title { get; init; }

        [CommandOption("--cards|--max-cards <N>")]
        [Description("How many cards to draft at most (default: about one per 50 words, at most 150).")]
        public int? Cards { get; init; }

        [CommandOption("--explain")]
        [Description("List every sentence and clutter line left out, with the reason.")]
        public bool Explain { get; init; }

        public override ValidationResult Validate() =>
            Cards is < 1 or > 1000 ? ValidationResult.Error("--cards must be between 1 and 1000")
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

        var outputPath = string.IsNullOrWhiteSpace(settings.Output) ? Path.ChangeExtension(settings.Text, ".yaml") : settings.Output;
        if (Path.GetFullPath(outputPath) == Path.GetFullPath(settings.Text))
        {
            console.MarkupLineInterpolated($"[red]error:[/] the draft would overwrite the text '{settings.Text}': give another file with -o OUT.yaml.");
            return 1;
        }
        var options = new GeneratorOptions
        {
            DeckId = settings.DeckId ?? CardIds.Slug(Path.GetFileNameWithoutExtension(outputPath), CardIds.MaxLength),
            Title = settings.Title,
            FallbackTitle = DeckTitles.FromFileName(settings.Text),
            Source = Path.GetFileName(settings.Text),
            Cards = settings.Cards,
        };
        var generated = DeckGenerator.Generate(text, options);
        if (generated.Draft.Notes.Count == 0)
        {
            if (settings.Explain)
            {
                DraftReport.Explain(console, generated);
            }
            console.MarkupLineInterpolated($"[red]error:[/] no card could be drafted from the {generated.Sentences.Count} sentences of '{settings.Text}'; nothing was written.{(settings.Explain ? "" : " Add --explain to see why each sentence was left out.")}");
            return 1;
        }
        var result = DeckValidator.Validate(generated.Draft, new DiagnosticBag(outputPath));
        DiagnosticsView.Table(console, result.Diagnostics);
        if (!result.IsValid)
        {
            var fix = result.Diagnostics.Any(d => d.IsError && d.Message.Contains("title", StringComparison.Ordinal)) ? "give a shorter one-line title with --title TITLE"
                : result.Diagnostics.Any(d => d.IsError && d.Message.Contains(" id", StringComparison.Ordinal)) ? "give an id of letters, digits and '-' with --deck-id ID"
                : "run with --explain to see which sentences the cards come from";
            console.MarkupLineInterpolated($"[red]The generated deck did not validate; nothing was written.[/] To fix it, {fix}.");
            return 1;
        }
        if (settings.Explain)
        {
            DraftReport.Explain(console, generated);
        }
        var header = DraftReport.Header(options.Source!);
        if (!DeckFiles.TryWrite(console, outputPath, YamlDeckWriter.Write(result.Deck!, header)))
        {
            return 1;
        }
        if (generated.LeftOut > 0)
        {
            console.MarkupLineInterpolated($"Left out {generated.LeftOut} more {(generated.LeftOut == 1 ? "sentence" : "sentences")} that had a card to draft: at most {generated.Budget} cards are drafted (--cards N to change).");
        }
        console.MarkupLineInterpolated($"Wrote [bold]{outputPath}[/]: {DiagnosticsView.Counts(result.Deck!)} from {generated.CardSentences} of {generated.Sentences.Count} sentences ({generated.Words} words); {generated.Dropped.Count} clutter lines dropped.{(settings.Explain ? "" : " Add --explain to see why each other sentence was left out.")}");
        return 0;
    }
}
